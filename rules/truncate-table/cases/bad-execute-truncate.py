from alembic import op
import sqlalchemy as sa

revision = "a0125"
down_revision = "a0124"


def upgrade():
    op.execute("TRUNCATE sessions")


def downgrade():
    pass
