"""REFRESH … CONCURRENTLY"""
from alembic import op
import sqlalchemy as sa

revision = "5da8fcbf0beb"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_stats")


def downgrade():
    pass
