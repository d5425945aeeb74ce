from alembic import op
import sqlalchemy as sa

revision = "b0201"
down_revision = "b0200"


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)")


def downgrade():
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx")
