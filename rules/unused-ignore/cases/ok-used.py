"""the ignore suppresses a finding"""
from alembic import op
import sqlalchemy as sa

revision = "73383af31824"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # migsafe-ignore drop-column -- unused since release 42
    op.drop_column("users", "legacy_flag")


def downgrade():
    pass
