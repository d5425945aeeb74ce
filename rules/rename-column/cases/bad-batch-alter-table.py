from alembic import op
import sqlalchemy as sa

revision = "a0102"
down_revision = "a0101"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("fname", new_column_name="first_name")


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("first_name", new_column_name="fname")
