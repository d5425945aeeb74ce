"""attach last year's table as a partition"""
from alembic import op

revision = "8b2e6f0d1c44"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.execute(
        "ALTER TABLE measurements ATTACH PARTITION measurements_2024 "
        "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
    )


def downgrade():
    op.execute("ALTER TABLE measurements DETACH PARTITION measurements_2024 CONCURRENTLY")
