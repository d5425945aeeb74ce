"""plain VACUUM ANALYZE"""
from alembic import op
import sqlalchemy as sa

revision = "e1f889fd02de"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("VACUUM ANALYZE users")


def downgrade():
    pass
