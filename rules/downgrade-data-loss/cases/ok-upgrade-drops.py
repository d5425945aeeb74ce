"""a drop in upgrade() is drop-column's business, not a rollback"""
from alembic import op
import sqlalchemy as sa

revision = "7f5dab92edad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("users", "legacy_flag")


def downgrade():
    op.add_column("users", sa.Column("legacy_flag", sa.Boolean(), nullable=True))
