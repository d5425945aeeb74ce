"""DETACH PARTITION without CONCURRENTLY"""
from alembic import op
import sqlalchemy as sa

revision = "9ce4e959ca80"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE events DETACH PARTITION events_2020")


def downgrade():
    op.execute("ALTER TABLE events ATTACH PARTITION events_2020 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')")
