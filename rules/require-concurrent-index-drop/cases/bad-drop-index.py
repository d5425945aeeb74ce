"""op.drop_index without postgresql_concurrently"""
from alembic import op
import sqlalchemy as sa

revision = "c23337893851"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_users_email", table_name="users")


def downgrade():
    op.create_index("ix_users_email", "users", ["email"])
