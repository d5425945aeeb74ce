"""the parenthesized with-form (Python 3.10+)"""
from alembic import op
import sqlalchemy as sa

revision = "4d2973426519"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with (
        op.batch_alter_table("users") as batch_op,
    ):
        batch_op.drop_column("legacy_flag")


def downgrade():
    pass
