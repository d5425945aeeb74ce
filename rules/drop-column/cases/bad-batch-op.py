"""batch_op.drop_column"""
from alembic import op
import sqlalchemy as sa

revision = "c8c1522bca84"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("legacy_flag")


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("legacy_flag", sa.Boolean(), nullable=True))
