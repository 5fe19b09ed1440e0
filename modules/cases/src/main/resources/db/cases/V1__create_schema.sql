-- The cases module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA cases IS 'Cases, their features, candidates, evidence, decisions and event log. Owned by module cases.';
