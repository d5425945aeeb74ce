"""check constraint NOT VALID"""
from alembic import op
import sqlalchemy as sa

revision = "57ee14a561af"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_orders_amount", "orders", "amount > 0", postgresql_not_valid=True)


def downgrade():
    op.drop_constraint("ck_orders_amount", "orders", type_="check")
