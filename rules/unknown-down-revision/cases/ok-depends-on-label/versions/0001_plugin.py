"""plugin history"""
from alembic import op
import sqlalchemy as sa

revision = "b2b2b2b2b2b2"
down_revision = None
branch_labels = ("plugin",)
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
