"""depends_on a branch label"""
from alembic import op
import sqlalchemy as sa

revision = "c3c3c3c3c3c3"
down_revision = "b2b2b2b2b2b2"
branch_labels = None
depends_on = ("core",)


def upgrade():
    pass


def downgrade():
    pass
