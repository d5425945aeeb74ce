"""varchar(64) -> text and cidr -> inet, with existing_type: binary coercible, no rewrite"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c2f9a81e7b35"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "nickname", type_=sa.Text(), existing_type=sa.VARCHAR(length=64))
    op.alter_column("hosts", "network", type_=postgresql.INET(), existing_type=postgresql.CIDR())
    # the same type again: nothing to do
    op.alter_column("users", "bio", type_=sa.Text(), existing_type=sa.Text(), nullable=True)


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # text -> varchar without a length is binary coercible too
    op.alter_column("users", "nickname", type_=sa.String(), existing_type=sa.Text())
