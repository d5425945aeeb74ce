from alembic import op
import sqlalchemy as sa

revision = "a0121"
down_revision = "a0120"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("ALTER TABLE IF EXISTS public.customer RENAME TO customers")


def downgrade():
    op.execute("ALTER TABLE IF EXISTS public.customers RENAME TO customer")
