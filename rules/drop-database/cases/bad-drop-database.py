"""DROP DATABASE through op.execute"""
from alembic import op
import sqlalchemy as sa

revision = "aa906b6562da"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP DATABASE legacy_reports")


def downgrade():
    op.execute("CREATE DATABASE legacy_reports")
