from alembic import op
import sqlalchemy as sa

revision = "a0116"
down_revision = "a0115"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("CREATE SCHEMA IF NOT EXISTS archive")
    op.execute("ALTER TABLE legacy_events SET SCHEMA archive")


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("ALTER TABLE archive.legacy_events SET SCHEMA public")
