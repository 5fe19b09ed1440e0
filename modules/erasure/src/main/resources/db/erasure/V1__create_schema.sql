-- The erasure module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA erasure IS 'GDPR erasure of a document and everything derived from it, with an audit receipt. Owned by module erasure.';
