"""sa.Text"""
from alembic import op
import sqlalchemy as sa

revision = "694815960c1d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
