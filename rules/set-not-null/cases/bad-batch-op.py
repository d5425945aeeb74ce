"""batch form"""
from alembic import op
import sqlalchemy as sa

revision = "825664f88a11"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", nullable=False)


def downgrade():
    pass
