from alembic import op
import sqlalchemy as sa

revision = "a0109"
down_revision = "a0108"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    with op.batch_alter_table("accounts", schema="public") as batch_op:
        batch_op.alter_column("balance", type_=sa.Numeric(20, 4))


def downgrade():
    with op.batch_alter_table("accounts", schema="public") as batch_op:
        batch_op.alter_column("balance", type_=sa.Numeric(12, 2))
