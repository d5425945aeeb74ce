from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "a0108"
down_revision = "a0107"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column(
        "events",
        "payload",
        type_=postgresql.JSONB(),
        existing_type=sa.Text(),
        postgresql_using="payload::jsonb",
    )


def downgrade():
    op.alter_column("events", "payload", type_=sa.Text(), existing_type=postgresql.JSONB())
