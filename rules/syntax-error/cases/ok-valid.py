"""Python and SQL both parse"""
from alembic import op
import sqlalchemy as sa

revision = "d59696e4c16f"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE users ADD COLUMN note text")


def downgrade():
    op.execute("ALTER TABLE users DROP COLUMN note")
