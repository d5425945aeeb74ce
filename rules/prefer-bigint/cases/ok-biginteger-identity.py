"""bigint identity"""
from alembic import op
import sqlalchemy as sa

revision = "96e9299ceeb9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True))


def downgrade():
    op.drop_table("accounts")
