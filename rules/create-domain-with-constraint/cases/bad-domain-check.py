"""domain with a CHECK"""
from alembic import op
import sqlalchemy as sa

revision = "b4f63fa513f0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE DOMAIN email AS text CHECK (VALUE ~ '@')")


def downgrade():
    op.execute("DROP DOMAIN email")
