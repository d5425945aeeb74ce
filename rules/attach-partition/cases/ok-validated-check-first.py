"""attach after a validated CHECK that matches the bound"""
from alembic import op

revision = "8b2e6f0d1c45"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.create_check_constraint(
        "measurements_2024_bound", "measurements_2024",
        "logdate IS NOT NULL AND logdate >= '2024-01-01' AND logdate < '2025-01-01'",
        postgresql_not_valid=True,
    )
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE measurements_2024 VALIDATE CONSTRAINT measurements_2024_bound")
    op.execute(
        "ALTER TABLE measurements ATTACH PARTITION measurements_2024 "
        "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
    )
    op.drop_constraint("measurements_2024_bound", "measurements_2024", type_="check")


def downgrade():
    pass
