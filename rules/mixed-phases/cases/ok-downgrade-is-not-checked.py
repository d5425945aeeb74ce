"""a downgrade undoes an expand: mixed phases is about upgrades"""
from alembic import op
import sqlalchemy as sa

revision = "cbba37c53680"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("email_address", sa.Text(), nullable=True))


def downgrade():
    op.execute("UPDATE users SET email = email_address WHERE email IS NULL")
    op.drop_column("users", "email_address")
