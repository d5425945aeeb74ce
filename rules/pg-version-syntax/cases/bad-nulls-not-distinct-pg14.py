"""postgresql_nulls_not_distinct renders NULLS NOT DISTINCT, which PostgreSQL 14 does not have"""
# test-options: pgVersion=14
from alembic import op
import sqlalchemy as sa

revision = "9d1e7a3c5b20"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "uq_users_email", "users", ["email"], unique=True,
            postgresql_concurrently=True, postgresql_nulls_not_distinct=True,
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("uq_users_email", table_name="users", postgresql_concurrently=True)
