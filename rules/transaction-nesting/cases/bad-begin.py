"""BEGIN inside Alembic's transaction"""
from alembic import op
import sqlalchemy as sa

revision = "2de44d64c9e8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("BEGIN")
    op.execute("UPDATE users SET active = true WHERE id = 1")


def downgrade():
    pass
