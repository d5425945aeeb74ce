"""a malformed file-scope ignore is reported once"""
from alembic import op
import sqlalchemy as sa

revision = "7d7c5baeee21"
down_revision = None
branch_labels = None
depends_on = None

# migsafe-ignore-file drop_column -- not a rule id


def upgrade():
    op.drop_column("users", "legacy_flag")


def downgrade():
    pass
