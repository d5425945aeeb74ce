"""x follows z"""
from alembic import op
import sqlalchemy as sa

revision = "aaaa00000001"
down_revision = "aaaa00000003"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
