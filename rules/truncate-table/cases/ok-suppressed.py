from alembic import op
import sqlalchemy as sa

revision = "a0129"
down_revision = "a0128"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '2s'")
    # migsafe-ignore truncate-table -- cache table, rebuilt on demand; the app tolerates it being empty
    op.execute("TRUNCATE rendered_page_cache")


def downgrade():
    pass
