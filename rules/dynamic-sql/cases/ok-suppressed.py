"""reviewed by hand"""
from alembic import op
import sqlalchemy as sa

revision = "30fdc0be3931"
down_revision = None
branch_labels = None
depends_on = None

TABLE = "users"


def upgrade():
    # migsafe-ignore dynamic-sql -- rendered with alembic --sql and reviewed in PR #812
    op.execute(f"ANALYZE {TABLE}")


def downgrade():
    pass
