"""sa.DateTime(timezone=True)"""
from alembic import op
import sqlalchemy as sa

revision = "6d3e8a00544e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column("users", "last_seen")
