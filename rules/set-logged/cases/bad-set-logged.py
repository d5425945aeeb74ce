"""SET LOGGED rewrites the table"""
from alembic import op
import sqlalchemy as sa

revision = "0729724d714a"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE events SET LOGGED")


def downgrade():
    op.execute("ALTER TABLE events SET UNLOGGED")
