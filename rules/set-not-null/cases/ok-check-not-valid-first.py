"""CHECK … NOT VALID and VALIDATE; PostgreSQL 12+ then skips the scan"""
from alembic import op
import sqlalchemy as sa

revision = "554fc393ea0c"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_users_email_nn", "users", "email IS NOT NULL", postgresql_not_valid=True)
    # validated outside the revision's transaction, so the ADD's lock is not held during the scan
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_nn")


def downgrade():
    op.drop_constraint("ck_users_email_nn", "users", type_="check")
