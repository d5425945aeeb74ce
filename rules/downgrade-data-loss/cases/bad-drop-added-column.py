"""the downgrade drops the column the upgrade added, and its data"""
from alembic import op
import sqlalchemy as sa

revision = "bc8f7cf6ba1a"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
