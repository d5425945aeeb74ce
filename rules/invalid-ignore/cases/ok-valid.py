"""a well-formed ignore"""
from alembic import op
import sqlalchemy as sa

revision = "89cbfb09628e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("users", "legacy_flag")  # migsafe-ignore drop-column -- unused since release 42


def downgrade():
    pass
