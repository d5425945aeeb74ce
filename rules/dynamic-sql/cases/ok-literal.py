"""literal SQL, sa.text, a module constant and dedent are all static"""
from alembic import op
import sqlalchemy as sa
from textwrap import dedent

revision = "04122a3059ca"
down_revision = None
branch_labels = None
depends_on = None

ADD_NOTE = "ALTER TABLE users ADD COLUMN note text"


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.execute(sa.text("UPDATE users SET active = true WHERE id = :id").bindparams(id=1))
    op.execute(ADD_NOTE)
    op.execute(dedent("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email
        ON users (email)
    """))


def downgrade():
    pass
