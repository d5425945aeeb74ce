"""CLUSTER of a table created in the same migration"""
from alembic import op
import sqlalchemy as sa

revision = "e75cf1ce7ab9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("events", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))
    op.execute("CLUSTER events USING events_pkey")


def downgrade():
    op.drop_table("events")
