"""op.create_index without postgresql_concurrently"""
from alembic import op
import sqlalchemy as sa

revision = "8ebf3eeb2e11"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_users_email", "users", ["email"])


def downgrade():
    op.drop_index("ix_users_email", table_name="users")
