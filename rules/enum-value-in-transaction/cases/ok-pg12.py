"""PostgreSQL 12 allows it in a transaction"""
# test-options: pgVersion=12
from alembic import op
import sqlalchemy as sa

revision = "86abd63552ed"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")


def downgrade():
    pass
