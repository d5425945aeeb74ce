"""the SQL in op.execute does not parse"""
from alembic import op
import sqlalchemy as sa

revision = "b0e424f00274"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE users ADD COLUMN note txt DEFAULT")


def downgrade():
    pass
