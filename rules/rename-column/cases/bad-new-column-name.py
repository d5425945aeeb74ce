"""alter_column(new_column_name=)"""
from alembic import op
import sqlalchemy as sa

revision = "159e1507703e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "email", new_column_name="email_address")


def downgrade():
    op.alter_column("users", "email_address", new_column_name="email")
