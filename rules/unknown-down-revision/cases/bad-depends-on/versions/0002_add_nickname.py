"""depends_on names a revision that does not exist"""
from alembic import op
import sqlalchemy as sa

revision = "1a2b3c4d5e6f"
down_revision = "0f00a1b2c3d4"
branch_labels = None
depends_on = ("9999deadbeef",)


def upgrade():
    pass


def downgrade():
    pass
