"""SQLAlchemy Core update() without where()"""
from alembic import op
import sqlalchemy as sa

revision = "73bf153673ec"
down_revision = None
branch_labels = None
depends_on = None

users = sa.table("users", sa.column("active", sa.Boolean()))


def upgrade():
    op.execute(users.update().values(active=True))


def downgrade():
    pass
