-- Case types defined by operators through the admin API; they override files and built-ins.
CREATE TABLE processing.case_types (
    id         text PRIMARY KEY,
    definition text        NOT NULL,
    updated_at timestamptz NOT NULL
);
