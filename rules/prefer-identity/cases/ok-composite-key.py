"""a composite key is never SERIAL"""
from alembic import op
import sqlalchemy as sa

revision = "1baa14246e0e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("memberships", sa.Column("user_id", sa.BigInteger(), primary_key=True), sa.Column("group_id", sa.BigInteger(), primary_key=True))


def downgrade():
    op.drop_table("memberships")
