"""validate the CHECK

Revision ID: b2
Revises: a1
"""
from alembic import op

revision = "b2"
down_revision = "a1"


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null")


def downgrade():
    pass
