"""downgrade() raises"""
from alembic import op
import sqlalchemy as sa

revision = "a701979b1c99"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)")


def downgrade():
    raise NotImplementedError("lower-casing cannot be undone")
