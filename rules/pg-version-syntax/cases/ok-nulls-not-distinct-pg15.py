"""NULLS NOT DISTINCT on the default target (PostgreSQL 15)"""
from alembic import op
import sqlalchemy as sa

revision = "6d2f9b4e8c15"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "uq_users_email", "users", ["email"], unique=True,
            postgresql_concurrently=True, postgresql_nulls_not_distinct=True,
        )
    op.execute(
        "MERGE INTO stock s USING deliveries d ON s.item_id = d.item_id "
        "WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty"
    )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("uq_users_email", table_name="users", postgresql_concurrently=True)
