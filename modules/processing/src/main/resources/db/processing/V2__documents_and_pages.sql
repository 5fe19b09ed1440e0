-- A document accepted by POST /process. The row is written in the same transaction as the case
-- and its document.received event: once the API answered 201, this row exists, and the
-- reconciler makes sure a job processes it, whatever crashed in between.
CREATE TABLE processing.documents (
    id              text PRIMARY KEY,
    org_id          text        NOT NULL,
    environment     text        NOT NULL CHECK (environment IN ('test', 'live')),
    case_id         text        NOT NULL,
    case_type_id    text        NOT NULL,
    source_url      text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('queued', 'processing', 'processed', 'failed')),
    failure_code    text,
    failure_message text,
    http_status     integer,
    media_type      text,
    sha256          text,
    size_bytes      bigint,
    page_count      integer,
    content         bytea,
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    processed_at    timestamptz
);

CREATE INDEX documents_unfinished ON processing.documents (updated_at) WHERE status IN ('queued', 'processing');
CREATE INDEX documents_case ON processing.documents (case_id);

-- Page text and word boxes: what evidence offsets point into.
CREATE TABLE processing.pages (
    doc_id     text    NOT NULL REFERENCES processing.documents (id) ON DELETE CASCADE,
    page_index integer NOT NULL,
    method     text    NOT NULL,
    text       text    NOT NULL,
    width      real    NOT NULL,
    height     real    NOT NULL,
    words      jsonb   NOT NULL,
    PRIMARY KEY (doc_id, page_index)
);
