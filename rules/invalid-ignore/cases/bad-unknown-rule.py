"""an ignore naming no rule that exists"""
from alembic import op
import sqlalchemy as sa

revision = "c448060cec6b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("users", "legacy_flag")  # migsafe-ignore drop-colum -- typo


def downgrade():
    pass
