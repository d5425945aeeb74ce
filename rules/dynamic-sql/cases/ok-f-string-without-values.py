"""an f-string with nothing interpolated is a literal"""
from alembic import op
import sqlalchemy as sa

revision = "13567fe6edf2"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"ALTER TABLE users ADD COLUMN note text")


def downgrade():
    op.execute("ALTER TABLE users DROP COLUMN note")
