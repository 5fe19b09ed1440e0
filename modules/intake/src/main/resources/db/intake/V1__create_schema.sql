-- The intake module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA intake IS 'Hosted intake sessions and the applicant''s page. Owned by module intake.';
