"""check constraint validated at once"""
from alembic import op
import sqlalchemy as sa

revision = "040d34469290"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_orders_amount", "orders", "amount > 0")


def downgrade():
    op.drop_constraint("ck_orders_amount", "orders", type_="check")
