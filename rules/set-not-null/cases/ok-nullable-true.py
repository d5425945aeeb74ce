"""dropping NOT NULL is fine"""
from alembic import op
import sqlalchemy as sa

revision = "6de5cfa3f594"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "email", nullable=True)


def downgrade():
    pass
