-- People who sign in to the admin dashboard. Passwords are kept only as a slow salted hash
-- (PBKDF2-HMAC-SHA256, its parameters stored with it so they can be raised later).
CREATE TABLE auth.operators (
    id            text PRIMARY KEY,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);

CREATE UNIQUE INDEX operators_email ON auth.operators (lower(email));

-- Server-side sessions, so every instance behind a load balancer knows them. Only a SHA-256 of
-- the cookie value is kept; the CSRF token belongs to the session and is checked on every form.
CREATE TABLE auth.operator_sessions (
    token_hash   text PRIMARY KEY,
    operator_id  text        NOT NULL REFERENCES auth.operators (id),
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE INDEX operator_sessions_operator ON auth.operator_sessions (operator_id);
CREATE INDEX operator_sessions_expires ON auth.operator_sessions (expires_at);

-- Failed sign-ins per (lower-cased) e-mail, for the lockout; old rows are pruned as new ones come.
CREATE TABLE auth.operator_login_failures (
    email     text        NOT NULL,
    failed_at timestamptz NOT NULL
);

CREATE INDEX operator_login_failures_email ON auth.operator_login_failures (email, failed_at);
