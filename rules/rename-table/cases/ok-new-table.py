from alembic import op
import sqlalchemy as sa

revision = "a0123"
down_revision = "a0122"


def upgrade():
    op.create_table("orders_staging", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.rename_table("orders_staging", "orders_recent")


def downgrade():
    op.drop_table("orders_recent")
