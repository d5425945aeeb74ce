from alembic import op
import sqlalchemy as sa

revision = "a0113"
down_revision = "a0112"


def upgrade():
    op.drop_table("legacy_events")


def downgrade():
    op.create_table(
        "legacy_events",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("payload", sa.Text()),
    )
