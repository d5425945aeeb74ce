"""dropping a view is not dropping a database"""
from alembic import op
import sqlalchemy as sa

revision = "4a48b9cd145b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP VIEW IF EXISTS legacy_report")


def downgrade():
    op.execute("CREATE VIEW legacy_report AS SELECT 1")
