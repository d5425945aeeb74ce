"""postgresql.JSONB"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e0534e25f4bf"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("payload", postgresql.JSONB(), nullable=True))


def downgrade():
    op.drop_column("events", "payload")
