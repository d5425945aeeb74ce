"""batch form with postgresql_using"""
from alembic import op
import sqlalchemy as sa

revision = "c6d3743a5092"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("amount", type_=sa.Numeric(12, 2), postgresql_using="amount::numeric(12,2)")


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("amount", type_=sa.Integer())
