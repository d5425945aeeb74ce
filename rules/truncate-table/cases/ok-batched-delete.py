from alembic import op
import sqlalchemy as sa

revision = "a0127"
down_revision = "a0126"


def upgrade():
    conn = op.get_bind()
    with op.get_context().autocommit_block():
        while conn.execute(sa.text(
            "DELETE FROM sessions WHERE id IN "
            "(SELECT id FROM sessions WHERE expires_at < now() ORDER BY id LIMIT 5000)"
        )).rowcount:
            pass


def downgrade():
    pass
