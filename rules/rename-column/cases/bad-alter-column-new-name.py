from alembic import op
import sqlalchemy as sa

revision = "a0101"
down_revision = "a0100"


def upgrade():
    op.alter_column("users", "email", new_column_name="email_address")


def downgrade():
    op.alter_column("users", "email_address", new_column_name="email")
