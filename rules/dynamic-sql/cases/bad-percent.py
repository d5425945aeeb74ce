"""%-formatting"""
from alembic import op
import sqlalchemy as sa

revision = "3829261d2845"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE %s DROP COLUMN legacy" % "users")


def downgrade():
    pass
