"""server_default from a Python call that returns a str: SQLAlchemy renders the value as a literal, a constant"""
import json

from alembic import op
import sqlalchemy as sa

revision = "f5a6b7c8d9e0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("queries", sa.Column("options", sa.Text(), nullable=False, server_default=json.dumps({})))
    op.add_column("queries", sa.Column("label", sa.Text(), nullable=False, server_default="{}-{}".format("a", "b")))


def downgrade():
    op.drop_column("queries", "label")
    op.drop_column("queries", "options")
