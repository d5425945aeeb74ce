from alembic import op
import sqlalchemy as sa

revision = "b0209"
down_revision = "b0208"


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("users_email_key", "users", ["email"], unique=True, postgresql_concurrently=True)
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key")


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_constraint("users_email_key", "users", type_="unique")
