"""drop a whole schema with its tables"""
from alembic import op

revision = "9d2f4c1a7b30"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP SCHEMA legacy CASCADE")


def downgrade():
    op.execute("CREATE SCHEMA legacy")
