"""a loop over names computed at run time"""
from alembic import op
import sqlalchemy as sa

revision = "0e7b2c4d9f13"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    for table in audited_tables():
        op.execute("ALTER TABLE " + table + " ADD COLUMN note text")


def downgrade():
    pass
