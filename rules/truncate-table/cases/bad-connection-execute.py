"""TRUNCATE through op.get_bind().execute"""
from alembic import op
import sqlalchemy as sa

revision = "3b3973b308eb"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("TRUNCATE audit_log"))


def downgrade():
    pass
