"""y follows x"""
from alembic import op
import sqlalchemy as sa

revision = "aaaa00000002"
down_revision = "aaaa00000001"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
