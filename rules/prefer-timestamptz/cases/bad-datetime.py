"""sa.DateTime() is timestamp without time zone"""
from alembic import op
import sqlalchemy as sa

revision = "3e48c7c87c59"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("last_seen", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("users", "last_seen")
