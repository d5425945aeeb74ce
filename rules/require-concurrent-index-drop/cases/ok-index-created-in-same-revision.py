from alembic import op
import sqlalchemy as sa

revision = "b0206"
down_revision = "b0205"


def upgrade():
    op.create_table("import_rows", sa.Column("id", sa.BigInteger()), sa.Column("sku", sa.Text()))
    op.create_index("import_rows_sku_idx", "import_rows", ["sku"])
    op.execute("INSERT INTO import_rows SELECT id, sku FROM products")
    op.drop_index("import_rows_sku_idx", table_name="import_rows")


def downgrade():
    op.drop_table("import_rows")
