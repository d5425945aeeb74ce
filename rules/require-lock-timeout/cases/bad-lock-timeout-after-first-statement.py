from alembic import op
import sqlalchemy as sa

revision = "b0208"
down_revision = "b0207"


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))
    op.execute("SET LOCAL lock_timeout = '5s'")


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_column("users", "nickname")
