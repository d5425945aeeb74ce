from alembic import op
import sqlalchemy as sa

revision = "a0111"
down_revision = "a0110"


def upgrade():
    op.create_table("staging_orders", sa.Column("id", sa.Integer()), sa.Column("total", sa.Text()))
    op.alter_column("staging_orders", "total", type_=sa.Numeric(), postgresql_using="total::numeric")


def downgrade():
    op.drop_table("staging_orders")
