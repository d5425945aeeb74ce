"""downgrade() is only a docstring"""
from alembic import op
import sqlalchemy as sa

revision = "99e1e6b95f00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    """Nothing to do."""
