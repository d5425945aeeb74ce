"""dropping the added column on rollback is downgrade-data-loss, not drop-column"""
from alembic import op
import sqlalchemy as sa

revision = "ccbba6b6f8d8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
