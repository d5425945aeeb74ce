"""exclusion constraint on a table created in the same migration"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "5c17fdba0fc4"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "bookings",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("room_id", sa.BigInteger(), nullable=False),
        sa.Column("during", postgresql.TSTZRANGE(), nullable=False),
    )
    op.create_exclude_constraint("no_overlap", "bookings", ("room_id", "="), ("during", "&&"), using="gist")


def downgrade():
    op.drop_table("bookings")
