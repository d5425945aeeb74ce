from alembic import op
import sqlalchemy as sa

revision = "a0128"
down_revision = "a0127"


def upgrade():
    op.create_table("import_buffer", sa.Column("id", sa.BigInteger()), sa.Column("row", sa.Text()))
    op.execute("INSERT INTO import_buffer VALUES (1, '{}')")
    op.execute("TRUNCATE import_buffer")


def downgrade():
    op.drop_table("import_buffer")
