"""create_unique_constraint and sa.UniqueConstraint with postgresql_nulls_not_distinct"""
# test-options: pgVersion=14
from alembic import op
import sqlalchemy as sa

revision = "4b8f2e6a1c93"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "memberships",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("team_id", sa.BigInteger(), nullable=True),
        sa.UniqueConstraint("user_id", "team_id", postgresql_nulls_not_distinct=True),
    )
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.create_unique_constraint("uq_users_handle", "users", ["handle"], postgresql_nulls_not_distinct=True)


def downgrade():
    op.drop_constraint("uq_users_handle", "users", type_="unique")
    op.drop_table("memberships")
