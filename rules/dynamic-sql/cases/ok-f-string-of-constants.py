"""an f-string whose fields name string constants is as static as "…" + TABLE"""
from alembic import op
import sqlalchemy as sa

revision = "5c1e07a9d3b8"
down_revision = None
branch_labels = None
depends_on = None

TABLE = "users"


def upgrade():
    column = "note"
    op.execute(f"ALTER TABLE {TABLE} ADD COLUMN {column} text")


def downgrade():
    op.execute(f"ALTER TABLE {TABLE} DROP COLUMN note")
