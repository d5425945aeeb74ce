"""autoincrement=False: a plain bigint key"""
from alembic import op
import sqlalchemy as sa

revision = "730eace5f717"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False))


def downgrade():
    op.drop_table("accounts")
