"""alter_column without type_ changes no type"""
from alembic import op
import sqlalchemy as sa

revision = "3acf350ba574"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "nickname", nullable=True)


def downgrade():
    op.alter_column("users", "nickname", nullable=False)
