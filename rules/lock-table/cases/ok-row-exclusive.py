"""a non-blocking lock mode"""
from alembic import op
import sqlalchemy as sa

revision = "4544e719055e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("LOCK TABLE users IN ROW EXCLUSIVE MODE")


def downgrade():
    pass
