"""NOT NULL column with no server default"""
from alembic import op
import sqlalchemy as sa

revision = "b07d377f702b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=False))


def downgrade():
    op.drop_column("users", "age")
