from alembic import op
import sqlalchemy as sa

revision = "a0126"
down_revision = "a0125"


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SET LOCAL lock_timeout = '5s'"))
    conn.execute(sa.text("TRUNCATE TABLE ONLY public.orders RESTART IDENTITY CASCADE"))


def downgrade():
    pass
