"""domain without CHECK"""
from alembic import op
import sqlalchemy as sa

revision = "b3d72f9a90dc"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE DOMAIN email AS text")


def downgrade():
    op.execute("DROP DOMAIN email")
