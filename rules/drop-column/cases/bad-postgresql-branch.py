"""The branch that runs on PostgreSQL drops the column"""
from alembic import op
import sqlalchemy as sa

revision = "e3f4a5b6c7d8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    url = str(op.get_bind().engine.url)
    if url.startswith("mysql"):
        op.execute("ALTER TABLE `users` MODIFY `legacy_flags` INT NULL")
    elif url.startswith("postgres"):
        op.drop_column("users", "legacy_flags")


def downgrade():
    op.add_column("users", sa.Column("legacy_flags", sa.Integer(), nullable=True))
