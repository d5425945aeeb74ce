from alembic import op
import sqlalchemy as sa

revision = "a0104"
down_revision = "a0103"


SYNC_EMAIL = """
CREATE FUNCTION users_sync_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.email_address := coalesce(NEW.email_address, NEW.email);
    NEW.email := coalesce(NEW.email, NEW.email_address);
  ELSIF NEW.email IS DISTINCT FROM OLD.email THEN
    NEW.email_address := NEW.email;
  ELSIF NEW.email_address IS DISTINCT FROM OLD.email_address THEN
    NEW.email := NEW.email_address;
  END IF;
  RETURN NEW;
END $$
"""


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("users", sa.Column("email_address", sa.Text(), nullable=True))
    op.execute(SYNC_EMAIL)
    op.execute(
        "CREATE TRIGGER users_sync_email BEFORE INSERT OR UPDATE ON users "
        "FOR EACH ROW EXECUTE FUNCTION users_sync_email()"
    )


def downgrade():
    op.execute("DROP TRIGGER users_sync_email ON users")
    op.execute("DROP FUNCTION users_sync_email()")
    op.drop_column("users", "email_address")
