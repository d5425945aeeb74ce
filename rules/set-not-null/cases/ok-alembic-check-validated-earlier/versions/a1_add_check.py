"""CHECK (email IS NOT NULL), not validated yet

Revision ID: a1
Revises:
"""
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.create_check_constraint("users_email_not_null", "users", "email IS NOT NULL", postgresql_not_valid=True)


def downgrade():
    op.execute("SET lock_timeout = '5s'")
    op.drop_constraint("users_email_not_null", "users", type_="check")
