"""env.py sets transactional_ddl=False"""
# test-options: transactional=false
from alembic import op
import sqlalchemy as sa

revision = "e84da4892241"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)
