"""nullable column"""
from alembic import op
import sqlalchemy as sa

revision = "d688ca960af9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("users", "age")
