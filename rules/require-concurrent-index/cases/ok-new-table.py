"""index on a table created in the same migration"""
from alembic import op
import sqlalchemy as sa

revision = "a5058ae206f1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("drafts", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("slug", sa.Text()))
    op.create_index(op.f("ix_drafts_slug"), "drafts", ["slug"], unique=True)


def downgrade():
    op.drop_table("drafts")
