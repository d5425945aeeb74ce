"""constant default: stored in the catalog, no rewrite"""
from alembic import op
import sqlalchemy as sa

revision = "e050f6cf119a"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("plan", sa.Text(), server_default="free"))


def downgrade():
    op.drop_column("users", "plan")
