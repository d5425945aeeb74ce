"""varchar(100) -> varchar(50) checks and rewrites every row"""
from alembic import op
import sqlalchemy as sa

revision = "d41b0e6f9c12"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "email", type_=sa.String(50), existing_type=sa.String(100))


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "email", type_=sa.String(100), existing_type=sa.String(50))
