"""explicit LOCK TABLE"""
from alembic import op
import sqlalchemy as sa

revision = "d1a04563fd90"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")


def downgrade():
    pass
