"""REFRESH without CONCURRENTLY"""
from alembic import op
import sqlalchemy as sa

revision = "eca3d9e5a6f6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("REFRESH MATERIALIZED VIEW daily_stats")


def downgrade():
    pass
