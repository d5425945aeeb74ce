-- goose runs each section in a transaction unless the file says `-- +goose NO TRANSACTION`
-- +goose Up
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);

-- +goose Down
DROP INDEX CONCURRENTLY orders_placed_at_idx;
