"""text"""
from alembic import op
import sqlalchemy as sa

revision = "244bace5d581"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("addresses", sa.Column("country", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("addresses", "country")
