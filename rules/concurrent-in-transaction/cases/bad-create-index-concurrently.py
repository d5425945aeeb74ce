"""postgresql_concurrently=True inside Alembic's transaction"""
from alembic import op
import sqlalchemy as sa

revision = "a51f3376623c"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_users_email", table_name="users")
