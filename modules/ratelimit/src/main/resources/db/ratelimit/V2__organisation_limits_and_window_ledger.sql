-- Limits an operator set for one organisation; organisations without a row use
-- KLAREFI_RATE_LIMIT_PER_MINUTE.
CREATE TABLE ratelimit.organisation_limit (
    org_id              text        PRIMARY KEY,
    requests_per_minute integer     NOT NULL CHECK (requests_per_minute > 0),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per organisation: the minute window it is in and how many permits all instances
-- together have taken from it. Instances lease blocks of permits from this row and spend them
-- locally; the row lock taken by ratelimit.lease makes the count exact across instances.
CREATE TABLE ratelimit.window_usage (
    org_id       text    PRIMARY KEY,
    window_start bigint  NOT NULL,
    used         integer NOT NULL CHECK (used >= 0)
);

-- Leases permits for one organisation in the window starting at p_window_start (epoch seconds),
-- after handing back p_returned unspent permits of that same window. The grant is a fraction
-- (1/p_divisor) of what is left, at most p_max_block, at least 1 while anything is left, so
-- blocks shrink to single permits as the window runs out and no instance sits on permits that
-- another instance needs. Returns the grant, the window's new total and the limit applied.
CREATE FUNCTION ratelimit.lease(p_org_id text, p_window_start bigint, p_returned integer,
                                p_default_limit integer, p_divisor integer, p_max_block integer)
    RETURNS TABLE (granted integer, used integer, requests_per_minute integer)
    LANGUAGE plpgsql
AS $$
DECLARE
    v_limit  integer;
    v_window bigint;
    v_used   integer;
    v_left   integer;
    v_grant  integer;
BEGIN
    SELECT l.requests_per_minute INTO v_limit FROM ratelimit.organisation_limit l WHERE l.org_id = p_org_id;
    v_limit := COALESCE(v_limit, p_default_limit);

    INSERT INTO ratelimit.window_usage AS w (org_id, window_start, used)
    VALUES (p_org_id, p_window_start, 0)
    ON CONFLICT (org_id) DO NOTHING;
    SELECT w.window_start, w.used INTO v_window, v_used
    FROM ratelimit.window_usage w WHERE w.org_id = p_org_id FOR UPDATE;

    IF v_window > p_window_start THEN
        -- This instance's clock lags behind one that already opened the next window.
        RETURN QUERY SELECT 0, v_used, v_limit;
        RETURN;
    END IF;
    IF v_window < p_window_start THEN
        v_used := 0;
    ELSE
        v_used := GREATEST(0, v_used - p_returned);
    END IF;

    v_left := GREATEST(0, v_limit - v_used);
    v_grant := LEAST(v_left, GREATEST(1, LEAST(p_max_block, v_left / p_divisor)));
    UPDATE ratelimit.window_usage w SET window_start = p_window_start, used = v_used + v_grant
    WHERE w.org_id = p_org_id;
    RETURN QUERY SELECT v_grant, v_used + v_grant, v_limit;
END;
$$;
