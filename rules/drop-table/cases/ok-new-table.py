"""a scratch table created and dropped in the same migration"""
from alembic import op
import sqlalchemy as sa

revision = "5934ca08277b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("tmp_ids", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.execute("INSERT INTO tmp_ids SELECT id FROM users WHERE id < 1000")
    op.drop_table("tmp_ids")


def downgrade():
    pass
