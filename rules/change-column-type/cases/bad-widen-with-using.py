"""a widening with postgresql_using: USING always rewrites the table"""
from alembic import op
import sqlalchemy as sa

revision = "f0c7d3b92a68"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column(
        "users",
        "email",
        existing_type=sa.String(50),
        type_=sa.String(100),
        postgresql_using="lower(email)",
    )


def downgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # migsafe-ignore change-column-type -- narrowing back checks every row; no email is longer than 50 characters
    op.alter_column("users", "email", existing_type=sa.String(100), type_=sa.String(50))
