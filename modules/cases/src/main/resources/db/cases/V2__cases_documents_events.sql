CREATE TABLE cases.cases (
    id                    text PRIMARY KEY,
    org_id                text        NOT NULL,
    environment           text        NOT NULL CHECK (environment IN ('test', 'live')),
    case_type_id          text        NOT NULL,
    external_case_id      text,
    external_applicant_id text,
    external_customer_id  text,
    trace_id              text,
    status                text        NOT NULL,
    -- The cursor of the newest event: events take last_cursor + 1 under this row's lock, so
    -- cursors are gapless per case however many writers and instances there are.
    last_cursor           bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

CREATE UNIQUE INDEX cases_external_id ON cases.cases (org_id, environment, external_case_id)
    WHERE external_case_id IS NOT NULL;

-- The case's view of its documents; the processing module reports their progress here.
CREATE TABLE cases.case_documents (
    case_id         text        NOT NULL REFERENCES cases.cases (id),
    doc_id          text        NOT NULL,
    position        integer     NOT NULL,
    status          text        NOT NULL,
    failure_code    text,
    failure_message text,
    media_type      text,
    page_count      integer,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (case_id, doc_id)
);

CREATE UNIQUE INDEX case_documents_doc ON cases.case_documents (doc_id);

CREATE TABLE cases.events (
    case_id    text        NOT NULL REFERENCES cases.cases (id),
    cursor     bigint      NOT NULL,
    event_id   text        NOT NULL UNIQUE,
    event_type text        NOT NULL,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, cursor)
);
