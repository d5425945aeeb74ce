"""PRIMARY KEY on an existing table"""
from alembic import op
import sqlalchemy as sa

revision = "e7044f7dd1ac"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key("pk_events", "events", ["id"])


def downgrade():
    op.drop_constraint("pk_events", "events", type_="primary")
