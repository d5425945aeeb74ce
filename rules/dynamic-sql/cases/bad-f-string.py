"""f-string with a value known only when the migration runs"""
from alembic import context, op
import sqlalchemy as sa

revision = "4f2d29e5d411"
down_revision = None
branch_labels = None
depends_on = None

TENANT = context.get_x_argument(as_dictionary=True)["tenant"]


def upgrade():
    op.execute(f"UPDATE {TENANT}.users SET active = true")


def downgrade():
    pass
