"""b2"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("invoices", sa.Column("id", sa.BigInteger(), primary_key=True))


def downgrade():
    op.drop_table("invoices")
