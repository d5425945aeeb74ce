"""op.create_check_constraint(… NOT VALID), VALIDATE outside the transaction, then nullable=False (PostgreSQL 12+ skips the scan)"""
from alembic import op
import sqlalchemy as sa

revision = "f4a5b6c7d8e9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.create_check_constraint("ck_users_email_nn", "users", sa.text("email IS NOT NULL"), postgresql_not_valid=True)
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_nn")
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)
    op.drop_constraint("ck_users_email_nn", "users", type_="check")


def downgrade():
    op.alter_column("users", "email", existing_type=sa.Text(), nullable=True)
