"""ADD VALUE inside Alembic's transaction on PostgreSQL 11"""
# test-options: pgVersion=11
from alembic import op
import sqlalchemy as sa

revision = "2171a1c498a2"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")


def downgrade():
    pass
