"""z follows y: x -> z -> y -> x"""
from alembic import op
import sqlalchemy as sa

revision = "aaaa00000003"
down_revision = "aaaa00000002"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
