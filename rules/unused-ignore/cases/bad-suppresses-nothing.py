"""the ignore covers an op that raises nothing"""
from alembic import op
import sqlalchemy as sa

revision = "7773de96754e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # migsafe-ignore drop-column -- left over from an earlier version
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
