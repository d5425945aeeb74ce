# test-options: pgVersion=13
"""REINDEX (CONCURRENTLY) through op.execute, outside the transaction, on a PostgreSQL 13 target"""
from alembic import op

revision = "b7c8d9e0f1a2"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("REINDEX (CONCURRENTLY) INDEX orders_created_at_idx")


def downgrade():
    pass
