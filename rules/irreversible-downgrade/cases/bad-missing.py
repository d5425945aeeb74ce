"""downgrade() is missing"""
from alembic import op
import sqlalchemy as sa

revision = "5d1e0c2a9f10"
down_revision = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))
