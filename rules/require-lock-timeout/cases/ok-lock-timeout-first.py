"""SET lock_timeout first (Alembic's transaction keeps SET LOCAL too)"""
from alembic import op
import sqlalchemy as sa

revision = "81ffadb5abda"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_column("users", "nickname")
