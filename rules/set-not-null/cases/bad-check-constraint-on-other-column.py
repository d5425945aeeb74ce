"""The validated CHECK proves another column NOT NULL: SET NOT NULL on email still scans"""
from alembic import op
import sqlalchemy as sa

revision = "a5b6c7d8e9f0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.create_check_constraint("ck_users_name_nn", "users", "name IS NOT NULL", postgresql_not_valid=True)
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck_users_name_nn")
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)


def downgrade():
    op.alter_column("users", "email", existing_type=sa.Text(), nullable=True)
    op.drop_constraint("ck_users_name_nn", "users", type_="check")
