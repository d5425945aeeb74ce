"""replace an index: build the new one, then drop the old one"""
from alembic import op

revision = "5c1e0b7d2a91"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("orders_customer_created_idx", "orders", ["customer_id", "created_at"], postgresql_concurrently=True)
        op.drop_index("orders_customer_idx", table_name="orders", postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.create_index("orders_customer_idx", "orders", ["customer_id"], postgresql_concurrently=True)
        op.drop_index("orders_customer_created_idx", table_name="orders", postgresql_concurrently=True)
