-- The ratelimit module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA ratelimit IS 'Per-organisation rate limits that hold across instances. Owned by module ratelimit.';
