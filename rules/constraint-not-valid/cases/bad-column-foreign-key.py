"""sa.ForeignKey on an added column: Alembic adds the constraint right after"""
from alembic import op
import sqlalchemy as sa

revision = "5391092a5747"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", sa.Column("coupon_id", sa.BigInteger(), sa.ForeignKey("coupons.id"), nullable=True))


def downgrade():
    op.drop_column("orders", "coupon_id")
