"""base"""
from alembic import op
import sqlalchemy as sa

revision = "0f00a1b2c3d4"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
