"""DROP INDEX CONCURRENTLY inside the transaction"""
from alembic import op
import sqlalchemy as sa

revision = "8d882cd3c409"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)


def downgrade():
    op.create_index("ix_users_email", "users", ["email"])
