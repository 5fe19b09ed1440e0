-- Every change to a key (revoked, rolled, expiring) is notified with its hash as the change
-- commits, so every instance drops the key from its cache at once instead of at its next poll.
CREATE FUNCTION auth.notify_api_key_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('klarefi_api_key_changes', OLD.key_hash);
    ELSE
        PERFORM pg_notify('klarefi_api_key_changes', NEW.key_hash);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_notify_change
    AFTER UPDATE OR DELETE ON auth.api_keys
    FOR EACH ROW EXECUTE FUNCTION auth.notify_api_key_change();
