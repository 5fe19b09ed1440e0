-- The webhooks module owns this schema; no other module reads or writes it.
COMMENT ON SCHEMA webhooks IS 'Registered endpoints, event types and signed delivery with retries. Owned by module webhooks.';
