"""connection.execute with a parameter of a helper, passed a value known only at run time"""
import os

from alembic import op
import sqlalchemy as sa

revision = "e3833be7ae93"
down_revision = None
branch_labels = None
depends_on = None

def _run(conn, table):
    conn.execute(sa.text(f"TRUNCATE {table}"))


def upgrade():
    conn = op.get_bind()
    _run(conn, os.environ["TABLE"])


def downgrade():
    pass
