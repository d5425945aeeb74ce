from alembic import op
import sqlalchemy as sa

revision = "b0205"
down_revision = "b0204"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("DROP INDEX IF EXISTS public.orders_legacy_idx")


def downgrade():
    with op.get_context().autocommit_block():
        op.create_index("orders_legacy_idx", "orders", ["legacy_ref"], postgresql_concurrently=True)
