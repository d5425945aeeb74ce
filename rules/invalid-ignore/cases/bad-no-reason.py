"""an ignore without a reason"""
from alembic import op
import sqlalchemy as sa

revision = "c7d5d538bc4c"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # migsafe-ignore drop-column
    op.drop_column("users", "legacy_flag")


def downgrade():
    pass
