from alembic import op
import sqlalchemy as sa

revision = "b0210"
down_revision = "b0209"


# migsafe-ignore-file require-lock-timeout -- the deploy role sets lock_timeout (ALTER ROLE migrator)


def upgrade():
    op.drop_column("users", "legacy_flag")  # migsafe-ignore drop-column -- unused since release 42


def downgrade():
    op.add_column("users", sa.Column("legacy_flag", sa.Boolean(), nullable=True))
