"""sa.String() without length is unbounded varchar"""
from alembic import op
import sqlalchemy as sa

revision = "9cc1c8d76331"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.String(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
