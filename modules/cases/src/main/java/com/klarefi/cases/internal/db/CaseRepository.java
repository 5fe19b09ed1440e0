package com.klarefi.cases.internal.db;

import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The tables of schema {@code cases}. */
public final class CaseRepository {
    private final Jdbi jdbi;

    public CaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the case unless one with the same external id exists; either way returns it, locked. */
    public CaseRow openOrJoin(Tx tx, Caller caller, CaseOpening opening, String newId, Instant now) {
        Handle handle = tx.handle();
        handle.createUpdate("""
                        INSERT INTO cases.cases (id, org_id, environment, case_type_id, external_case_id,
                               external_applicant_id, external_customer_id, trace_id, status, created_at, updated_at)
                        VALUES (:id, :org, :env, :type, :ext, :applicant, :customer, :trace, 'processing', :now, :now)
                        ON CONFLICT (org_id, environment, external_case_id) WHERE external_case_id IS NOT NULL DO NOTHING""")
                .bind("id", newId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .bind("type", opening.caseTypeId())
                .bind("ext", opening.externalCaseId().orElse(null))
                .bind("applicant", opening.externalApplicantId().orElse(null))
                .bind("customer", opening.externalCustomerId().orElse(null))
                .bind("trace", opening.traceId().orElse(null))
                .bind("now", now)
                .execute();
        String query = opening.externalCaseId().isPresent()
                ? "SELECT * FROM cases.cases WHERE org_id = :org AND environment = :env AND external_case_id = :ext FOR UPDATE"
                : "SELECT * FROM cases.cases WHERE id = :id FOR UPDATE";
        return handle.createQuery(query)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .bind("ext", opening.externalCaseId().orElse(null))
                .bind("id", newId)
                .map((rows, context) -> caseRow(rows))
                .one();
    }

    public void addDocument(Tx tx, String caseId, String docId, Instant now) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO cases.case_documents (case_id, doc_id, position, status, updated_at)
                        VALUES (:case, :doc, (SELECT count(*) FROM cases.case_documents WHERE case_id = :case), 'queued', :now)""")
                .bind("case", caseId)
                .bind("doc", docId)
                .bind("now", now)
                .execute();
    }

    public CaseRow lock(Tx tx, String caseId) {
        return tx.handle()
                .createQuery("SELECT * FROM cases.cases WHERE id = :id FOR UPDATE")
                .bind("id", caseId)
                .map((rows, context) -> caseRow(rows))
                .one();
    }

    /** Takes the document off its case and out of every event payload; cursors stay gapless. */
    public void removeDocument(Tx tx, String caseId, String docId) {
        tx.handle()
                .createUpdate("DELETE FROM cases.case_documents WHERE case_id = :case AND doc_id = :doc")
                .bind("case", caseId)
                .bind("doc", docId)
                .execute();
        tx.handle().createUpdate("""
                        UPDATE cases.events SET payload = jsonb_set(payload, '{doc_id}', '"erased"')
                         WHERE case_id = :case AND payload->>'doc_id' = :doc""").bind("case", caseId).bind("doc", docId).execute();
    }

    /** The case, locked for the update that follows. */
    public Optional<CaseRow> lockCase(Tx tx, String caseId) {
        return tx.handle()
                .createQuery("SELECT * FROM cases.cases WHERE id = :id FOR UPDATE")
                .bind("id", caseId)
                .map((rows, context) -> caseRow(rows))
                .findOne();
    }

    /** The case a document belongs to, locked for the update that follows. */
    public Optional<CaseRow> lockCaseOfDocument(Tx tx, String docId) {
        return tx.handle()
                .createQuery("""
                        SELECT c.* FROM cases.cases c JOIN cases.case_documents d ON d.case_id = c.id
                         WHERE d.doc_id = :doc FOR UPDATE OF c""")
                .bind("doc", docId)
                .map((rows, context) -> caseRow(rows))
                .findOne();
    }

    public void recordOutcome(Tx tx, DocumentOutcome outcome, Instant now) {
        tx.handle()
                .createUpdate("""
                        UPDATE cases.case_documents
                           SET status = :status, failure_code = :code, failure_message = :message,
                               media_type = :media, page_count = :pages, updated_at = :now
                         WHERE doc_id = :doc""")
                .bind("doc", outcome.docId())
                .bind("status", outcome.status())
                .bind("code", outcome.failureCode().orElse(null))
                .bind("message", outcome.failureMessage().orElse(null))
                .bind("media", outcome.mediaType().orElse(null))
                .bind("pages", outcome.pageCount().orElse(null))
                .bind("now", now)
                .execute();
    }

    /** Derives the case's status from its documents and stores it; returns it. */
    public String refreshStatus(Tx tx, String caseId, Instant now) {
        // Derived and stored in one round trip: processing while any document is queued or being
        // processed, empty without documents, failed when all failed, else processed.
        return tx.handle()
                .createQuery("""
                        WITH derived AS (
                            SELECT CASE WHEN bool_or(status IN ('queued', 'processing')) THEN 'processing'
                                        WHEN count(*) = 0 THEN 'empty'
                                        WHEN bool_and(status = 'failed') THEN 'failed'
                                        ELSE 'processed' END AS status
                              FROM cases.case_documents WHERE case_id = :case),
                        stored AS (
                            UPDATE cases.cases SET status = derived.status, updated_at = :now FROM derived
                             WHERE id = :case)
                        SELECT status FROM derived""")
                .bind("case", caseId)
                .bind("now", now)
                .mapTo(String.class)
                .one();
    }

    /** Appends an event with the next gapless cursor and returns it; the case row must be locked by this transaction. */
    public long appendEvent(
            Tx tx, String caseId, String eventId, String type, Map<String, Object> payload, Instant now) {
        // One round trip: the case's row lock and its next cursor, then the event at that cursor.
        return tx.handle()
                .createQuery("""
                        WITH next AS (
                            UPDATE cases.cases SET last_cursor = last_cursor + 1, updated_at = :now WHERE id = :case
                            RETURNING last_cursor)
                        INSERT INTO cases.events (case_id, cursor, event_id, event_type, payload, created_at)
                        SELECT :case, last_cursor, :id, :type, CAST(:payload AS jsonb), :now FROM next
                        RETURNING cursor""")
                .bind("case", caseId)
                .bind("id", eventId)
                .bind("type", type)
                .bind("payload", Json.writeString(payload))
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    public Optional<CaseRow> find(Caller caller, String caseId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM cases.cases WHERE id = :id AND org_id = :org AND environment = :env")
                .bind("id", caseId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> caseRow(rows))
                .findOne());
    }

    /** Any organisation's case, for operators. */
    public Optional<CaseRow> find(String caseId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM cases.cases WHERE id = :id")
                .bind("id", caseId)
                .map((rows, context) -> caseRow(rows))
                .findOne());
    }

    /** A case found by an operator's search, with the number of its documents that failed. */
    public record Found(CaseRow row, int failedDocuments) {}

    /** Cases of every organisation matching the search, most recently changed first. */
    public List<Found> search(CaseSearch search, int limit) {
        String prefix = search.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.*, (SELECT count(*) FROM cases.case_documents d
                                      WHERE d.case_id = c.id AND d.status = 'failed') AS failed_documents
                          FROM cases.cases c
                         WHERE (:text = '' OR c.id = :text OR c.external_case_id LIKE :prefix)
                           AND (:status = '' OR c.status = :status)
                           AND (:type = '' OR c.case_type_id = :type)
                           AND (:org = '' OR c.org_id = :org)
                           AND (NOT :withFailed OR EXISTS (SELECT 1 FROM cases.case_documents d
                                                            WHERE d.case_id = c.id AND d.status = 'failed'))
                           AND (NOT :toReview OR EXISTS (SELECT 1 FROM cases.decisions r
                                                          WHERE r.case_id = c.id AND r.outcome = 'review'))
                         ORDER BY c.updated_at DESC, c.id LIMIT :limit""")
                .bind("text", search.text())
                .bind("prefix", prefix)
                .bind("status", search.status().orElse(""))
                .bind("type", search.caseTypeId().orElse(""))
                .bind("org", search.orgId().orElse(""))
                .bind("withFailed", search.withFailedDocument())
                .bind("toReview", search.withValueToReview())
                .bind("limit", limit)
                .map((rows, context) -> new Found(caseRow(rows), rows.getInt("failed_documents")))
                .list());
    }

    public List<DocumentRow> documents(String caseId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM cases.case_documents WHERE case_id = :case ORDER BY position")
                .bind("case", caseId)
                .map((rows, context) -> new DocumentRow(
                        rows.getString("doc_id"),
                        rows.getString("status"),
                        Optional.ofNullable(rows.getString("failure_code")),
                        Optional.ofNullable(rows.getString("failure_message")),
                        Optional.ofNullable(rows.getString("media_type")),
                        Optional.ofNullable((Integer) rows.getObject("page_count"))))
                .list());
    }

    public List<EventRow> events(String caseId, long afterCursor, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT event_id, case_id, cursor, event_type, payload::text AS payload, created_at
                          FROM cases.events WHERE case_id = :case AND cursor > :after ORDER BY cursor LIMIT :limit""")
                .bind("case", caseId)
                .bind("after", afterCursor)
                .bind("limit", limit)
                .map((rows, context) -> new EventRow(
                        rows.getString("event_id"),
                        rows.getString("case_id"),
                        rows.getLong("cursor"),
                        rows.getString("event_type"),
                        Json.readMap(rows.getString("payload")),
                        rows.getTimestamp("created_at").toInstant()))
                .list());
    }

    private static CaseRow caseRow(ResultSet rows) throws SQLException {
        return new CaseRow(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("environment"),
                rows.getString("case_type_id"),
                Optional.ofNullable(rows.getString("external_case_id")),
                Optional.ofNullable(rows.getString("external_applicant_id")),
                Optional.ofNullable(rows.getString("external_customer_id")),
                Optional.ofNullable(rows.getString("trace_id")),
                rows.getString("status"),
                rows.getLong("last_cursor"),
                rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("updated_at").toInstant());
    }
}
