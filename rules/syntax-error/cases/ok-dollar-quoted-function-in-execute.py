from alembic import op
import sqlalchemy as sa

revision = "b0211"
down_revision = "b0210"


def upgrade():
    op.execute(
        """
        CREATE OR REPLACE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          NEW.note := $$it's done; really$$;
          NEW.updated_at := now();
          RETURN NEW;
        END
        $fn$
        """
    )


def downgrade():
    op.execute("DROP FUNCTION audit_stamp()")
