"""COMMIT inside the transaction Alembic manages"""
from alembic import op
import sqlalchemy as sa

revision = "35dd72f06c65"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("COMMIT")
    op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    pass
