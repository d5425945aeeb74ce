from alembic import op
import sqlalchemy as sa

revision = "a0120"
down_revision = "a0119"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.rename_table("invoice", "invoices", schema="billing")


def downgrade():
    op.rename_table("invoices", "invoice", schema="billing")
