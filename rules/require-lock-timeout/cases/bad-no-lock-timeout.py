"""a blocking lock with no lock_timeout"""
from alembic import op
import sqlalchemy as sa

revision = "2be49ece81dd"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
