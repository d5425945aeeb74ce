"""downgrade() only returns"""
from alembic import op
import sqlalchemy as sa

revision = "5b0d3c7e21aa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    """Nothing to undo."""
    return
