"""column of a table created in the same migration"""
from alembic import op
import sqlalchemy as sa

revision = "c52b6342b43b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("drafts", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("tmp", sa.Text()))
    op.drop_column("drafts", "tmp")


def downgrade():
    op.drop_table("drafts")
