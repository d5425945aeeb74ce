"""f9"""
from alembic import op
import sqlalchemy as sa

revision = "f9"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("email_address", sa.Text()))
    op.execute("UPDATE users SET email_address = email WHERE email_address IS NULL")


def downgrade():
    op.drop_column("users", "email_address")
