-- test-options: pgVersion=11 assumeInTransaction=true
-- The old Alembic/Django workaround for ADD VALUE before PostgreSQL 12.
COMMIT;
ALTER TYPE order_status ADD VALUE 'refunded';
