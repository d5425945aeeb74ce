"""a loop over a literal tuple: each statement is known"""
from alembic import op
import sqlalchemy as sa

revision = "4a9e1f0c7b25"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    for table in ("users", "orders"):
        op.execute("ALTER TABLE " + table + " ADD COLUMN note text")


def downgrade():
    for table in ("users", "orders"):
        op.execute("ALTER TABLE " + table + " DROP COLUMN note")
