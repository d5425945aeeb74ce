"""downgrade() reverses upgrade()"""
from alembic import op
import sqlalchemy as sa

revision = "386dfd90357b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
