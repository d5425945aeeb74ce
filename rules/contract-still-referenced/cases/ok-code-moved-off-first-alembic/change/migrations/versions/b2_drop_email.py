"""b2"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("users", "email")


def downgrade():
    op.add_column("users", sa.Column("email", sa.Text()))
