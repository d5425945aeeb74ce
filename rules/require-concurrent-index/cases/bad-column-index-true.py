"""Column(index=True) on an added column: Alembic creates the index at once"""
from alembic import op
import sqlalchemy as sa

revision = "3eb2726a1e6d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("email", sa.Text(), nullable=True, index=True))


def downgrade():
    op.drop_column("users", "email")
