from alembic import op
import sqlalchemy as sa

revision = "a0114"
down_revision = "a0113"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_table("old_log", schema="audit")


def downgrade():
    op.create_table("old_log", sa.Column("id", sa.BigInteger(), primary_key=True), schema="audit")
