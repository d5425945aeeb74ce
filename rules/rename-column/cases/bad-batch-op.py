"""batch form"""
from alembic import op
import sqlalchemy as sa

revision = "b6e3d331d375"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", new_column_name="email_address")


def downgrade():
    pass
