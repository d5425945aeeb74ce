"""The column is dropped only on SQLite (a table rebuild there); PostgreSQL runs the other branch"""
from alembic import op
import sqlalchemy as sa

revision = "d2e3f4a5b6c7"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    if op.get_bind().dialect.name == "sqlite":
        op.drop_column("users", "legacy_flags")
    else:
        op.add_column("users", sa.Column("flags_v2", sa.Integer(), nullable=True))


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_column("users", "flags_v2")
