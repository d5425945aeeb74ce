"""DROP COLUMN in op.execute"""
from alembic import op
import sqlalchemy as sa

revision = "9318394b76d8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE users DROP COLUMN legacy_flag")


def downgrade():
    op.execute("ALTER TABLE users ADD COLUMN legacy_flag boolean")
