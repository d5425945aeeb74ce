"""declared irreversible, with the reason"""
from alembic import op
import sqlalchemy as sa

revision = "7f2488eaf86e"
down_revision = None
branch_labels = None
depends_on = None

# migsafe-ignore-file irreversible-downgrade -- lower-casing emails cannot be undone; restore from backup


def upgrade():
    op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)")


def downgrade():
    pass
