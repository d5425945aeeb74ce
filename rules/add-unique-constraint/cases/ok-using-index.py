"""build the index concurrently, then attach it"""
from alembic import op
import sqlalchemy as sa

revision = "ad973d444298"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True)
    op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email")


def downgrade():
    op.drop_constraint("uq_users_email", "users", type_="unique")
