"""REINDEX CONCURRENTLY outside the transaction"""
from alembic import op
import sqlalchemy as sa

revision = "e0279a0bb1a8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("REINDEX INDEX CONCURRENTLY ix_users_email")


def downgrade():
    pass
