"""f-string with a value"""
from alembic import op
import sqlalchemy as sa

revision = "4f2d29e5d411"
down_revision = None
branch_labels = None
depends_on = None

TABLE = "users"


def upgrade():
    op.execute(f"UPDATE {TABLE} SET active = true")


def downgrade():
    pass
