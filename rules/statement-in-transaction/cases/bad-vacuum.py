"""purge old events and vacuum, inside Alembic's transaction"""
from alembic import op

revision = "7a3c9e1f0b42"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM events WHERE created_at < now() - interval '2 years'")
    op.execute("VACUUM ANALYZE events")


def downgrade():
    pass
