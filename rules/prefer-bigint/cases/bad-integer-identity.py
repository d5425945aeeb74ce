"""integer identity"""
from alembic import op
import sqlalchemy as sa

revision = "a21ac340ceae"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), sa.Identity(), primary_key=True))


def downgrade():
    op.drop_table("accounts")
