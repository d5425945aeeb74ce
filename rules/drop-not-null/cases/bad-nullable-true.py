"""let shipping_address be NULL"""
from alembic import op
import sqlalchemy as sa

revision = "4e1d2c3b5a60"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("orders", "shipping_address", existing_type=sa.Text(), nullable=True)


def downgrade():
    op.alter_column("orders", "shipping_address", existing_type=sa.Text(), nullable=False)
