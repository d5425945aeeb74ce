"""suppressed with a reason"""
from alembic import op
import sqlalchemy as sa

revision = "b2ec2acd2891"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # migsafe-ignore drop-column -- legacy_flag unused since release 42
    op.drop_column("users", "legacy_flag")


def downgrade():
    op.add_column("users", sa.Column("legacy_flag", sa.Boolean(), nullable=True))
