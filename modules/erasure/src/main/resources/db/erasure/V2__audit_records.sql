-- Proof that an erasure happened, without the personal data: ids, the hash of the erased bytes,
-- what was deleted, who asked and when.
CREATE TABLE erasure.audit_records (
    audit_id           text PRIMARY KEY,
    org_id             text        NOT NULL,
    environment        text        NOT NULL,
    doc_id             text        NOT NULL,
    case_id            text        NOT NULL,
    sha256             text,
    deleted_evidence   integer     NOT NULL,
    deleted_candidates integer     NOT NULL,
    deleted_decisions  integer     NOT NULL,
    deleted_document   boolean     NOT NULL,
    requested_by_key   text        NOT NULL,
    erased_at          timestamptz NOT NULL
);

CREATE UNIQUE INDEX audit_records_document ON erasure.audit_records (org_id, environment, doc_id);
