"""CLUSTER through op.execute"""
from alembic import op
import sqlalchemy as sa

revision = "6205c8da0e0e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CLUSTER users USING users_pkey")


def downgrade():
    pass  # nothing to undo
