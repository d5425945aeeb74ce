"""a table created in the same migration"""
from alembic import op
import sqlalchemy as sa

revision = "1e1a63a7bc37"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE UNLOGGED TABLE staging (id bigint)")
    op.execute("ALTER TABLE staging SET LOGGED")


def downgrade():
    op.drop_table("staging")
