"""leave the transaction with autocommit_block() instead"""
from alembic import op
import sqlalchemy as sa

revision = "5ba461391dd7"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)")


def downgrade():
    pass
