"""sa.Integer primary key (SQLAlchemy renders SERIAL)"""
from alembic import op
import sqlalchemy as sa

revision = "7219142ca1d8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))


def downgrade():
    op.drop_table("accounts")
