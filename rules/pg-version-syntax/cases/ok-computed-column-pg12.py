"""sa.Computed and sa.Identity on PostgreSQL 12"""
# test-options: pgVersion=12
from alembic import op
import sqlalchemy as sa

revision = "0e7b5a2d9f38"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "line_items",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(12, 2), nullable=False),
        sa.Column("total", sa.Numeric(14, 2), sa.Computed("qty * unit_price", persisted=True)),
    )


def downgrade():
    op.drop_table("line_items")
