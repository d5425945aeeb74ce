"""a lone integer primary key renders as SERIAL"""
from alembic import op
import sqlalchemy as sa

revision = "46dba11b3a13"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("name", sa.Text()))


def downgrade():
    op.drop_table("accounts")
