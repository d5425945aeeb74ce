"""integer -> bigint is not binary coercible: the whole table is rewritten"""
from alembic import op
import sqlalchemy as sa

revision = "e83a5c2d1f40"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("total", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("total", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False)
