"""sa.Identity()"""
from alembic import op
import sqlalchemy as sa

revision = "7928ff6ac39d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))


def downgrade():
    op.drop_table("accounts")
