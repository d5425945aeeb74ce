"""exclusion constraint on an existing table"""
from alembic import op
import sqlalchemy as sa

revision = "2c5bfb0d5488"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_exclude_constraint("no_overlap", "bookings", ("room_id", "="), ("during", "&&"), using="gist")


def downgrade():
    op.drop_constraint("no_overlap", "bookings")
