"""Core update() with where()"""
from alembic import op
import sqlalchemy as sa

revision = "0d9d19d0b7ac"
down_revision = None
branch_labels = None
depends_on = None

users = sa.table("users", sa.column("id", sa.BigInteger()), sa.column("active", sa.Boolean()))


def upgrade():
    op.execute(users.update().where(users.c.id < 1000).values(active=True))


def downgrade():
    pass
