"""the drop happens in a helper called from upgrade()"""
from alembic import op
import sqlalchemy as sa

revision = "ec94672ca636"
down_revision = None
branch_labels = None
depends_on = None

def _drop_legacy():
    op.drop_table("legacy_events")


def upgrade():
    _drop_legacy()


def downgrade():
    pass
