"""alter_column(nullable=False)"""
from alembic import op
import sqlalchemy as sa

revision = "c1374f386b75"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "email", nullable=False, existing_type=sa.Text())


def downgrade():
    op.alter_column("users", "email", nullable=True)
