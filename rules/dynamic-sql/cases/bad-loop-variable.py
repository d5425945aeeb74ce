"""a loop variable"""
from alembic import op
import sqlalchemy as sa

revision = "2940bef51583"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    for table in ("users", "orders"):
        sql = "ALTER TABLE " + table + " ADD COLUMN note text"
        op.execute(sql)


def downgrade():
    pass
