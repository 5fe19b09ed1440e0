-- The processing module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA processing IS 'Documents: fetching, storing, text layers and the processing job. Owned by module processing.';
