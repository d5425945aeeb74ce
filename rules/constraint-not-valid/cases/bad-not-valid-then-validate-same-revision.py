"""postgresql_not_valid=True, then validated in the same revision: one transaction, so the
foreign key's SHARE ROW EXCLUSIVE locks are still held during the validation scan"""
from alembic import op
import sqlalchemy as sa

revision = "acafad13c684"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)
    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user")


def downgrade():
    op.drop_constraint("fk_orders_user", "orders", type_="foreignkey")
