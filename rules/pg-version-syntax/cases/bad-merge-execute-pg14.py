"""MERGE through op.execute on PostgreSQL 14"""
# test-options: pgVersion=14
from alembic import op
import sqlalchemy as sa

revision = "5f0b3d7e9a21"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        MERGE INTO stock s
        USING deliveries d ON s.item_id = d.item_id
        WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty
        WHEN NOT MATCHED THEN INSERT (item_id, qty) VALUES (d.item_id, d.qty)
        """
    )


def downgrade():
    pass
