from alembic import op
import sqlalchemy as sa

revision = "a0119"
down_revision = "a0118"


def upgrade():
    op.rename_table("users", "accounts")


def downgrade():
    op.rename_table("accounts", "users")
