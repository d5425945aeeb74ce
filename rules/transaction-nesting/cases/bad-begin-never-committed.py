# test-options: transactional=false
"""env.py turns transactional DDL off, and the revision opens a transaction it never commits"""
from alembic import op
import sqlalchemy as sa

revision = "f4a5b6c7d8e9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("BEGIN")
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("orders", sa.Column("note", sa.Text()))


def downgrade():
    op.drop_column("orders", "note")
