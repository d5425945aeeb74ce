"""NOT NULL with a constant server default"""
from alembic import op
import sqlalchemy as sa

revision = "7f344e3c6781"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=False, server_default="0"))


def downgrade():
    op.drop_column("users", "age")
