"""A CHECK added NOT VALID and validated in the same revision (Alembic runs it in one transaction)"""
from alembic import op
import sqlalchemy as sa

revision = "c1d2e3f4a5b6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.create_check_constraint("ck_orders_total_positive", "orders", "total >= 0", postgresql_not_valid=True)
    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total_positive")


def downgrade():
    op.drop_constraint("ck_orders_total_positive", "orders", type_="check")
