"""the downgrade drops a table"""
from alembic import op
import sqlalchemy as sa

revision = "894dca522ccf"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("audit_log", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("payload", sa.Text()))


def downgrade():
    op.drop_table("audit_log")
