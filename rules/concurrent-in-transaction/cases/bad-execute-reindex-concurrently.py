from alembic import op
import sqlalchemy as sa

revision = "b0202"
down_revision = "b0201"


def upgrade():
    # Alembic's migration transaction is still open here.
    op.execute("REINDEX INDEX CONCURRENTLY users_email_idx")


def downgrade():
    pass
