from alembic import op
import sqlalchemy as sa

revision = "b0204"
down_revision = "b0203"


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    # The column without its ForeignKey, then the key NOT VALID; VALIDATE follows in the next revision.
    op.add_column("projects", sa.Column("org_id", sa.BigInteger(), nullable=True))
    op.create_foreign_key("projects_org_id_fkey", "projects", "orgs", ["org_id"], ["id"], postgresql_not_valid=True)


def downgrade():
    op.drop_constraint("projects_org_id_fkey", "projects", type_="foreignkey")
    op.drop_column("projects", "org_id")
