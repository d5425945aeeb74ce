"""outside the transaction"""
# test-options: pgVersion=11
from alembic import op
import sqlalchemy as sa

revision = "f33af04eb857"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")


def downgrade():
    pass
