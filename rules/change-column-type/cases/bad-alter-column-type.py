from alembic import op
import sqlalchemy as sa

revision = "a0107"
down_revision = "a0106"


def upgrade():
    op.alter_column("orders", "total", type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade():
    op.alter_column("orders", "total", type_=sa.Integer(), existing_type=sa.BigInteger())
