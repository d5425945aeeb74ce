"""UNIQUE constraint builds its index under ACCESS EXCLUSIVE"""
from alembic import op
import sqlalchemy as sa

revision = "6b4e40dd4eb3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_users_email", "users", ["email"])


def downgrade():
    op.drop_constraint("uq_users_email", "users", type_="unique")
