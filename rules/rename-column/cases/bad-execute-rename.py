from alembic import op
import sqlalchemy as sa

revision = "a0103"
down_revision = "a0102"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("ALTER TABLE billing.invoices RENAME COLUMN total TO total_cents")


def downgrade():
    op.execute("ALTER TABLE billing.invoices RENAME COLUMN total_cents TO total")
