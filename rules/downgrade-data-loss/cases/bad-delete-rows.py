"""the downgrade deletes rows"""
from alembic import op
import sqlalchemy as sa

revision = "6ab25cea7ad6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO settings (key, value) VALUES ('beta', 'on')")


def downgrade():
    op.execute("DELETE FROM settings WHERE key = 'beta'")
