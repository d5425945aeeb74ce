from alembic import op
import sqlalchemy as sa

revision = "b0207"
down_revision = "b0206"


def upgrade():
    # A session-level SET survives the commit that autocommit_block() performs (SET LOCAL would not).
    op.execute("SET lock_timeout = '5s'")
    with op.get_context().autocommit_block():
        op.create_index("users_email_idx", "users", ["email"], postgresql_concurrently=True)
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.execute("SET lock_timeout = '5s'")
    op.drop_column("users", "nickname")
    with op.get_context().autocommit_block():
        op.drop_index("users_email_idx", table_name="users", postgresql_concurrently=True)
