-- test-options: pgVersion=14
CREATE TABLE memberships (
  user_id bigint NOT NULL,
  team_id bigint,
  UNIQUE NULLS NOT DISTINCT (user_id, team_id)
);
