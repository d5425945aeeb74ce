"""the pre-12 forms: serial, a concurrent index copy, a plain unique index"""
# test-options: pgVersion=11
from alembic import op
import sqlalchemy as sa

revision = "3c9e0a5b7d64"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    with op.get_context().autocommit_block():
        op.create_index("orders_created_at_idx_new", "orders", ["created_at"], postgresql_concurrently=True)
        op.drop_index("orders_created_at_idx", table_name="orders", postgresql_concurrently=True)
        op.create_index("uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True)


def downgrade():
    op.drop_table("events")
