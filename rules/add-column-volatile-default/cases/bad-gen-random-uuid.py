"""volatile server default via sa.text"""
from alembic import op
import sqlalchemy as sa

revision = "7e54bc144157"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("token", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))


def downgrade():
    op.drop_column("users", "token")
