-- Evidence of an applicant's statement points at the hosted intake session, not at characters of a
-- document: it has a session_id and no document position.
ALTER TABLE cases.evidence ALTER COLUMN doc_id DROP NOT NULL;
ALTER TABLE cases.evidence ALTER COLUMN page_index DROP NOT NULL;
ALTER TABLE cases.evidence ALTER COLUMN char_start DROP NOT NULL;
ALTER TABLE cases.evidence ALTER COLUMN char_end DROP NOT NULL;
ALTER TABLE cases.evidence ADD COLUMN session_id text;
ALTER TABLE cases.evidence ADD CONSTRAINT evidence_points_somewhere
    CHECK ((doc_id IS NOT NULL AND page_index IS NOT NULL AND char_start IS NOT NULL AND char_end IS NOT NULL)
           OR session_id IS NOT NULL);
