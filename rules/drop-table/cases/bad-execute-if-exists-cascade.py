from alembic import op
import sqlalchemy as sa

revision = "a0115"
down_revision = "a0114"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("DROP TABLE IF EXISTS legacy_events, legacy_event_tags CASCADE")


def downgrade():
    pass
