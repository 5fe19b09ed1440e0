-- A hosted intake session: the customer created it with POST /api/v1/sessions; its applicant
-- reaches the page with the signed URL until it expires or is completed or cancelled.
CREATE TABLE intake.sessions (
    id                    text PRIMARY KEY,
    org_id                text        NOT NULL,
    environment           text        NOT NULL CHECK (environment IN ('test', 'live')),
    key_id                text        NOT NULL,
    case_id               text        NOT NULL,
    case_type_id          text        NOT NULL,
    locale                text        NOT NULL CHECK (locale IN ('nl', 'en')),
    return_url            text,
    status                text        NOT NULL CHECK (status IN ('open', 'completed', 'expired', 'cancelled')),
    created_at            timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    ended_at              timestamptz
);

CREATE INDEX sessions_open_by_expiry ON intake.sessions (expires_at) WHERE status = 'open';
CREATE INDEX sessions_case ON intake.sessions (case_id);

-- What the applicant uploaded in a session; the documents themselves belong to processing.
CREATE TABLE intake.session_documents (
    session_id  text        NOT NULL REFERENCES intake.sessions (id),
    doc_id      text        PRIMARY KEY,
    filename    text        NOT NULL,
    uploaded_at timestamptz NOT NULL
);

CREATE INDEX session_documents_session ON intake.session_documents (session_id, uploaded_at);

-- A value the applicant confirmed or corrected; the case's features include it on every
-- recomputation. One per session and feature: a later correction in the same session replaces it.
CREATE TABLE intake.statements (
    statement_id     text        PRIMARY KEY,
    session_id       text        NOT NULL REFERENCES intake.sessions (id),
    case_id          text        NOT NULL,
    feature_id       text        NOT NULL,
    value_raw        text        NOT NULL,
    value_normalized text        NOT NULL,
    stated_at        timestamptz NOT NULL,
    UNIQUE (session_id, feature_id)
);

CREATE INDEX statements_case ON intake.statements (case_id, stated_at);
