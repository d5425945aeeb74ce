from alembic import op
import sqlalchemy as sa

revision = "a0124"
down_revision = "a0123"


def upgrade():
    op.execute("CREATE VIEW accounts AS SELECT * FROM users")


def downgrade():
    op.execute("DROP VIEW accounts")
