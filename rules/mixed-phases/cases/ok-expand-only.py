"""expand only"""
from alembic import op
import sqlalchemy as sa

revision = "ff9e5d5d40bf"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("email_address", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "email_address")
