"""NOT VALID, then VALIDATE"""
from alembic import op
import sqlalchemy as sa

revision = "67628b4b1cfd"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID")
    op.execute("ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive")


def downgrade():
    op.execute("ALTER DOMAIN positive_int DROP CONSTRAINT positive")
