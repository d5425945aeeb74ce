"""VALIDATE a CHECK added NOT VALID in the previous revision: there is nothing to undo"""
from alembic import op

revision = "5c1e0a7d9b22"
down_revision = "4b0d9f6c8a11"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null")


def downgrade():
    pass
