from alembic import op
import sqlalchemy as sa

revision = "a0105"
down_revision = "a0104"


def upgrade():
    op.create_table(
        "import_rows",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("col_1", sa.Text()),
    )
    op.alter_column("import_rows", "col_1", new_column_name="sku")


def downgrade():
    op.drop_table("import_rows")
