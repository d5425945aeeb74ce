"""primary key declared with sa.PrimaryKeyConstraint"""
from alembic import op
import sqlalchemy as sa

revision = "32b52f5f24c0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.BigInteger(), nullable=False), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("accounts")
