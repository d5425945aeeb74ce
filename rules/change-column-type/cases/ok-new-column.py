from alembic import op
import sqlalchemy as sa

revision = "a0110"
down_revision = "a0109"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("orders", sa.Column("total_big", sa.BigInteger(), nullable=True))


def downgrade():
    op.drop_column("orders", "total_big")
