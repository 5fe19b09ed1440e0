-- Idempotency records of POST endpoints: scope is organisation + environment + endpoint + key.
-- Only completed (2xx) outcomes are stored; the row commits in the same transaction as the work.
CREATE TABLE platform.idempotency_records (
    org_id        text        NOT NULL,
    environment   text        NOT NULL,
    endpoint      text        NOT NULL,
    idem_key      text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    response_body jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, environment, endpoint, idem_key)
);

CREATE INDEX idempotency_records_created_at ON platform.idempotency_records (created_at);
