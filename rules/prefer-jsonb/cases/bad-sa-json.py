"""sa.JSON is json"""
from alembic import op
import sqlalchemy as sa

revision = "589a7c76d285"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("payload", sa.JSON(), nullable=True))


def downgrade():
    op.drop_column("events", "payload")
