"""default= is client-side: the database still has no default"""
from alembic import op
import sqlalchemy as sa

revision = "624a5d7462c8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("status", sa.Text(), nullable=False, default="active"))


def downgrade():
    op.drop_column("users", "status")
