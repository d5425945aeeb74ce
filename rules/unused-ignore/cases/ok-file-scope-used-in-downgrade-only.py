"""a file-scope ignore used by downgrade() only is used"""
from alembic import op
import sqlalchemy as sa

revision = "ac20763591ec"
down_revision = None
branch_labels = None
depends_on = None

# migsafe-ignore-file downgrade-data-loss -- nicknames are re-entered by users; losing them on rollback is fine


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("users", "nickname")
