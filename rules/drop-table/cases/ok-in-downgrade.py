"""dropping the created table on rollback is downgrade-data-loss"""
from alembic import op
import sqlalchemy as sa

revision = "b5aaba286e38"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("audit_log", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))


def downgrade():
    op.drop_table("audit_log")
