CREATE TABLE auth.organisations (
    id         text PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each key is kept; the key itself is shown once, at creation.
CREATE TABLE auth.api_keys (
    id          text PRIMARY KEY,
    org_id      text        NOT NULL REFERENCES auth.organisations (id),
    environment text        NOT NULL CHECK (environment IN ('test', 'live')),
    key_hash    text        NOT NULL UNIQUE,
    last4       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    expires_at  timestamptz,
    replaced_by text REFERENCES auth.api_keys (id),
    -- Every change bumps updated_at, which instances poll to drop revoked keys from their caches.
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX api_keys_org ON auth.api_keys (org_id);
CREATE INDEX api_keys_updated_at ON auth.api_keys (updated_at);

CREATE TABLE auth.admin_tokens (
    id          text PRIMARY KEY,
    token_hash  text        NOT NULL UNIQUE,
    description text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
