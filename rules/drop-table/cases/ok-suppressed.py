from alembic import op
import sqlalchemy as sa

revision = "a0118"
down_revision = "a0117"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # migsafe-ignore drop-table -- archived in release 43, unused since; dump in s3://backups/legacy_events.dump
    op.drop_table("legacy_events", schema="archive")


def downgrade():
    op.create_table("legacy_events", sa.Column("id", sa.BigInteger(), primary_key=True), schema="archive")
