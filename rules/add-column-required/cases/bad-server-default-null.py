from alembic import op
import sqlalchemy as sa

revision = "b0203"
down_revision = "b0202"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # A NULL server default is no default: existing rows get NULL and NOT NULL fails.
    op.add_column("orders", sa.Column("currency", sa.String(3), nullable=False, server_default=sa.text("NULL")))


def downgrade():
    op.drop_column("orders", "currency")
