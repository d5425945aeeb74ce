"""concurrently, outside the transaction"""
from alembic import op
import sqlalchemy as sa

revision = "88e8ccdc3f01"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)


def downgrade():
    pass
