"""checks every column of the domain under lock"""
from alembic import op
import sqlalchemy as sa

revision = "49d4c97815af"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0)")


def downgrade():
    op.execute("ALTER DOMAIN positive_int DROP CONSTRAINT positive")
