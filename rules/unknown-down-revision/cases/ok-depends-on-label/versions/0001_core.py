"""core history"""
from alembic import op
import sqlalchemy as sa

revision = "a1a1a1a1a1a1"
down_revision = None
branch_labels = ("core",)
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
