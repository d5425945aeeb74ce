"""downgrade() only passes"""
from alembic import op
import sqlalchemy as sa

revision = "22db2bca84fb"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    pass
