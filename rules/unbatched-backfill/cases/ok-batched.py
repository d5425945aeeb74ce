"""a batch with a WHERE"""
from alembic import op
import sqlalchemy as sa

revision = "4306ed14bfb6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE users SET active = true WHERE id BETWEEN 1 AND 10000 AND active IS NULL")


def downgrade():
    pass
