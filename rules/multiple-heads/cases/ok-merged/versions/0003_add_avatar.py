"""add avatar"""
from alembic import op
import sqlalchemy as sa

revision = "3c4d5e6f7a8b"
down_revision = "0f00a1b2c3d4"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
