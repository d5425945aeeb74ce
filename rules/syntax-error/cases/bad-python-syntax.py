"""a Python syntax error"""
from alembic import op

revision = "0d5a1c7e3b21"
down_revision = None


def upgrade():
    op.drop_column("users", "legacy_flag"


def downgrade():
    pass
