from alembic import op
import sqlalchemy as sa

revision = "a0117"
down_revision = "a0116"


def upgrade():
    op.create_table("tmp_user_ids", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.execute("INSERT INTO tmp_user_ids SELECT id FROM users WHERE deleted_at IS NOT NULL")
    op.execute("DELETE FROM sessions WHERE user_id IN (SELECT id FROM tmp_user_ids)")
    op.drop_table("tmp_user_ids")


def downgrade():
    pass
