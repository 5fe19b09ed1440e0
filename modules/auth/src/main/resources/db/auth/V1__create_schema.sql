-- The auth module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA auth IS 'Organisations, API keys and test/live environments. Owned by module auth.';
