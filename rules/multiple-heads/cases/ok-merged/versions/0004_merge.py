"""merge heads"""
from alembic import op
import sqlalchemy as sa

revision = "5e6f7a8b9c0d"
down_revision = ("1a2b3c4d5e6f", "3c4d5e6f7a8b")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
