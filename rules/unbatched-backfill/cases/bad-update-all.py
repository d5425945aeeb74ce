"""UPDATE without WHERE"""
from alembic import op
import sqlalchemy as sa

revision = "aa138fb14743"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE users SET active = true")


def downgrade():
    pass
