"""ANALYZE in the revision's transaction is fine (only VACUUM must be outside one)"""
from alembic import op

revision = "c8d9e0f1a2b3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ANALYZE orders")


def downgrade():
    pass
