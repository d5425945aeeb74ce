"""DETACH … CONCURRENTLY outside the transaction"""
from alembic import op
import sqlalchemy as sa

revision = "d00e6aa4391e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY")


def downgrade():
    op.execute("ALTER TABLE events ATTACH PARTITION events_2020 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')")
