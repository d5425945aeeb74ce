"""VACUUM FULL"""
from alembic import op
import sqlalchemy as sa

revision = "596e1cdb6b87"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("VACUUM FULL users")


def downgrade():
    pass
