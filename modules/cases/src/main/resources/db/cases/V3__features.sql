-- A case's features: per feature a decision, its candidates and the evidence behind them. They are
-- recomputed from the case's remaining documents whenever a document is added or erased.
CREATE TABLE cases.decisions (
    case_id               text NOT NULL REFERENCES cases.cases (id),
    feature_id            text NOT NULL,
    decision_id           text NOT NULL,
    outcome               text NOT NULL CHECK (outcome IN ('keep', 'review', 'missing')),
    many                  boolean NOT NULL,
    selected_candidate_ids text[] NOT NULL,
    reason                text,
    PRIMARY KEY (case_id, feature_id)
);

CREATE TABLE cases.candidates (
    case_id          text             NOT NULL REFERENCES cases.cases (id),
    feature_id       text             NOT NULL,
    candidate_id     text             NOT NULL,
    position         integer          NOT NULL,
    value_raw        text             NOT NULL,
    value_normalized text             NOT NULL,
    confidence       double precision NOT NULL,
    evidence_ids     text[]           NOT NULL,
    PRIMARY KEY (case_id, feature_id, candidate_id)
);

CREATE TABLE cases.evidence (
    case_id        text    NOT NULL REFERENCES cases.cases (id),
    feature_id     text    NOT NULL,
    evidence_id    text    NOT NULL,
    position       integer NOT NULL,
    doc_id         text    NOT NULL,
    page_index     integer NOT NULL,
    char_start     integer NOT NULL,
    char_end       integer NOT NULL,
    box            real[],
    quote          text    NOT NULL,
    method         text    NOT NULL,
    ocr_confidence double precision,
    PRIMARY KEY (case_id, feature_id, evidence_id)
);

CREATE INDEX evidence_doc ON cases.evidence (doc_id);
