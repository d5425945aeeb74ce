"""a raise under a condition is not unconditional"""
from alembic import op
import sqlalchemy as sa

revision = "791b23d95e42"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    if op.get_context().as_sql:
        raise RuntimeError("run this downgrade online")
    op.drop_column("users", "nickname")
