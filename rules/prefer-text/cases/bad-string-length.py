"""sa.String(50) is varchar(50)"""
from alembic import op
import sqlalchemy as sa

revision = "cd490ae9dedb"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
