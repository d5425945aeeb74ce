"""add, backfill and drop in one revision"""
from alembic import op
import sqlalchemy as sa

revision = "461d23e32fd7"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("email_address", sa.Text(), nullable=True))
    op.execute("UPDATE users SET email_address = email WHERE email_address IS NULL")
    op.drop_column("users", "email")


def downgrade():
    pass
