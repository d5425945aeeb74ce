from alembic import op
import sqlalchemy as sa

revision = "a0112"
down_revision = "a0111"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # no existing_type=, so migsafe cannot tell this is varchar -> text
    # migsafe-ignore change-column-type -- users.nickname was varchar(64); varchar -> text does not rewrite
    op.alter_column("users", "nickname", type_=sa.Text())


def downgrade():
    # migsafe-ignore change-column-type -- text -> varchar(64) checks every row; nicknames are at most 64 characters
    op.alter_column("users", "nickname", type_=sa.String(64), existing_type=sa.Text())
