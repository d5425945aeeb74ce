"""sa.Computed renders GENERATED ALWAYS AS (…) STORED: PostgreSQL 12+"""
# test-options: pgVersion=11
from alembic import op
import sqlalchemy as sa

revision = "7c3a9e1f0d42"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("orders", sa.Column("total_cents", sa.BigInteger(), sa.Computed("total * 100", persisted=True)))


def downgrade():
    op.drop_column("orders", "total_cents")
