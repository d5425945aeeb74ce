"""now() is stable: evaluated once"""
from alembic import op
import sqlalchemy as sa

revision = "598dae736333"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()))


def downgrade():
    op.drop_column("users", "created_at")
