"""sa.CHAR(n) is char(n)"""
from alembic import op
import sqlalchemy as sa

revision = "cd312dff8c15"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("addresses", sa.Column("country", sa.CHAR(2), nullable=True))


def downgrade():
    op.drop_column("addresses", "country")
