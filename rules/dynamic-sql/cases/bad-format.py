"""str.format"""
from alembic import op
import sqlalchemy as sa

revision = "8e26bc1bad5a"
down_revision = None
branch_labels = None
depends_on = None

name = input()


def upgrade():
    op.execute("DROP TABLE {}".format(name))


def downgrade():
    pass
