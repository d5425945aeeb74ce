"""REINDEX without CONCURRENTLY"""
from alembic import op
import sqlalchemy as sa

revision = "0bd195245b5f"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("REINDEX INDEX ix_users_email")


def downgrade():
    pass
