"""email NOT NULL, using the CHECK validated in b2

Revision ID: c3
Revises: b2
"""
from alembic import op

revision = "c3"
down_revision = "b2"


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.alter_column("users", "email", nullable=False)
    op.drop_constraint("users_email_not_null", "users", type_="check")


def downgrade():
    op.execute("SET lock_timeout = '5s'")
    op.create_check_constraint("users_email_not_null", "users", "email IS NOT NULL", postgresql_not_valid=True)
    op.alter_column("users", "email", nullable=True)
