"""c3"""
from alembic import op
import sqlalchemy as sa

revision = "c3"
down_revision = "b2"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("staging")


def downgrade():
    op.create_table("staging", sa.Column("id", sa.BigInteger(), primary_key=True))
