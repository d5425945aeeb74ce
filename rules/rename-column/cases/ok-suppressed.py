from alembic import op
import sqlalchemy as sa

revision = "a0106"
down_revision = "a0105"


def upgrade():
    # migsafe-ignore rename-column -- reporting.daily_totals is read only by the nightly job, paused for this deploy
    op.alter_column("daily_totals", "amt", new_column_name="amount", schema="reporting")


def downgrade():
    # migsafe-ignore rename-column -- same as the upgrade
    op.alter_column("daily_totals", "amount", new_column_name="amt", schema="reporting")
