"""the autocommit block ended before the statement"""
from alembic import op
import sqlalchemy as sa

revision = "be6c8cf4911f"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("SET lock_timeout = '5s'")
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    op.drop_index("ix_users_email", table_name="users")
