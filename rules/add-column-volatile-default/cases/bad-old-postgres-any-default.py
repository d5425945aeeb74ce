"""before PostgreSQL 11 any default rewrites"""
# test-options: pgVersion=10
from alembic import op
import sqlalchemy as sa

revision = "3f561b7611d3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("plan", sa.Text(), server_default="free"))


def downgrade():
    op.drop_column("users", "plan")
