"""TRUNCATE through op.execute"""
from alembic import op
import sqlalchemy as sa

revision = "d3246bd7d93c"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("TRUNCATE audit_log")


def downgrade():
    pass
