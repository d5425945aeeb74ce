"""volatile server default via sa.func"""
from alembic import op
import sqlalchemy as sa

revision = "330b589487b2"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("seen_at", sa.DateTime(timezone=True), server_default=sa.func.clock_timestamp()))


def downgrade():
    op.drop_column("events", "seen_at")
