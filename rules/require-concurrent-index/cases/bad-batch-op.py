"""batch form"""
from alembic import op
import sqlalchemy as sa

revision = "e4c1030e7840"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.create_index("ix_users_email", ["email"], unique=True)


def downgrade():
    pass
