-- Endpoints customers register to receive events, per organisation and environment.
CREATE TABLE webhooks.endpoints (
    id                         text PRIMARY KEY,
    org_id                     text        NOT NULL,
    environment                text        NOT NULL CHECK (environment IN ('test', 'live')),
    url                        text        NOT NULL,
    description                text        NOT NULL DEFAULT '',
    status                     text        NOT NULL CHECK (status IN ('enabled', 'paused', 'disabled')),
    status_reason              text,
    status_changed_at          timestamptz NOT NULL,
    -- AES-GCM (nonce || ciphertext || tag) of the signing secret; the endpoint id is the associated data.
    secret                     bytea       NOT NULL,
    -- During a rotation the previous secret keeps signing beside the new one until it expires.
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    -- The first failure since the last success; a long run of failures pauses the endpoint.
    failing_since              timestamptz,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL
);

CREATE INDEX endpoints_owner ON webhooks.endpoints (org_id, environment);

CREATE TABLE webhooks.subscriptions (
    endpoint_id text NOT NULL REFERENCES webhooks.endpoints (id) ON DELETE CASCADE,
    event_type  text NOT NULL,
    version     text NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
);

CREATE INDEX subscriptions_type ON webhooks.subscriptions (event_type);

-- One event for one endpoint: written in the transaction that appends the event (the outbox),
-- then sent by JobRunr jobs. dispatch counts the jobs handed to JobRunr; only the job carrying
-- the current value may send, so a stale or duplicate job does nothing.
CREATE TABLE webhooks.deliveries (
    id              text PRIMARY KEY,
    endpoint_id     text        NOT NULL REFERENCES webhooks.endpoints (id) ON DELETE CASCADE,
    message_id      text        NOT NULL,
    event_type      text        NOT NULL,
    version         text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    dispatch        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    sending_until   timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    UNIQUE (endpoint_id, message_id)
);

CREATE INDEX deliveries_pending ON webhooks.deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_endpoint ON webhooks.deliveries (endpoint_id, created_at);

-- Every attempt, for operators; purged after the retention period.
CREATE TABLE webhooks.attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   text        NOT NULL REFERENCES webhooks.deliveries (id) ON DELETE CASCADE,
    attempt       integer     NOT NULL,
    started_at    timestamptz NOT NULL,
    duration_ms   integer     NOT NULL,
    status_code   integer,
    response_body text,
    error_class   text,
    error         text
);

CREATE INDEX attempts_delivery ON webhooks.attempts (delivery_id, attempt);
CREATE INDEX attempts_started ON webhooks.attempts (started_at);
