"""REINDEX CONCURRENTLY in an autocommit block, on PostgreSQL 11"""
# test-options: pgVersion=11
from alembic import op
import sqlalchemy as sa

revision = "8a4c1f6e2b07"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("REINDEX INDEX CONCURRENTLY orders_created_at_idx")


def downgrade():
    pass
