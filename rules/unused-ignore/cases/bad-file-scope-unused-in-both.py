"""a file-scope ignore that neither direction needs"""
from alembic import op
import sqlalchemy as sa

revision = "8a30943f2804"
down_revision = None
branch_labels = None
depends_on = None

# migsafe-ignore-file rename-table -- nothing is renamed here


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
