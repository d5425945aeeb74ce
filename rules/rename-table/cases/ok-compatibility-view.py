from alembic import op
import sqlalchemy as sa

revision = "a0122"
down_revision = "a0121"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # migsafe-ignore rename-table -- compatibility view users is created right after, in the same transaction
    op.rename_table("users", "accounts")
    op.execute("CREATE VIEW users AS SELECT * FROM accounts")


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("DROP VIEW users")
    # migsafe-ignore rename-table -- rollback: the old code expects users
    op.rename_table("accounts", "users")
