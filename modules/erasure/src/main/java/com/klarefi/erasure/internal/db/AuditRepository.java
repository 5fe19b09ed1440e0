package com.klarefi.erasure.internal.db;

import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Erasure audit records. */
public final class AuditRepository {
    private final Jdbi jdbi;

    public AuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Tx tx, Receipt receipt) {
        tx.handle()
                .createUpdate("""
                        INSERT INTO erasure.audit_records (audit_id, org_id, environment, doc_id, case_id, sha256,
                               deleted_evidence, deleted_candidates, deleted_decisions, deleted_document,
                               requested_by_key, erased_at)
                        VALUES (:audit, :org, :env, :doc, :case, :sha, :evidence, :candidates, :decisions, :document,
                                :key, :at)""")
                .bind("audit", receipt.auditId())
                .bind("org", receipt.orgId())
                .bind("env", receipt.environment())
                .bind("doc", receipt.docId())
                .bind("case", receipt.caseId())
                .bind("sha", receipt.sha256().orElse(null))
                .bind("evidence", receipt.deletedEvidence())
                .bind("candidates", receipt.deletedCandidates())
                .bind("decisions", receipt.deletedDecisions())
                .bind("document", receipt.deletedDocument())
                .bind("key", receipt.requestedByKey())
                .bind("at", receipt.erasedAt())
                .execute();
    }

    public Optional<Receipt> byAuditId(Caller caller, String auditId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM erasure.audit_records WHERE audit_id = :id AND org_id = :org AND environment = :env")
                .bind("id", auditId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> receipt(rows))
                .findOne());
    }

    public Optional<Receipt> byDocument(Caller caller, String docId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM erasure.audit_records WHERE doc_id = :doc AND org_id = :org AND environment = :env")
                .bind("doc", docId)
                .bind("org", caller.orgId())
                .bind("env", caller.environment().wireName())
                .map((rows, context) -> receipt(rows))
                .findOne());
    }

    /** Newest first, of one organisation or of all (operators' audit log). */
    public List<Receipt> recent(Optional<String> orgId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM erasure.audit_records WHERE CAST(:org AS text) IS NULL OR org_id = :org
                         ORDER BY erased_at DESC, audit_id LIMIT :limit""")
                .bind("org", orgId.orElse(null))
                .bind("limit", limit)
                .map((rows, context) -> receipt(rows))
                .list());
    }

    /** The erasures of one case's documents, oldest first. */
    public List<Receipt> ofCase(String caseId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM erasure.audit_records WHERE case_id = :case ORDER BY erased_at, audit_id""")
                .bind("case", caseId)
                .map((rows, context) -> receipt(rows))
                .list());
    }

    private static Receipt receipt(ResultSet rows) throws SQLException {
        return new Receipt(
                rows.getString("audit_id"),
                rows.getString("org_id"),
                rows.getString("environment"),
                rows.getString("doc_id"),
                rows.getString("case_id"),
                Optional.ofNullable(rows.getString("sha256")),
                rows.getInt("deleted_evidence"),
                rows.getInt("deleted_candidates"),
                rows.getInt("deleted_decisions"),
                rows.getBoolean("deleted_document"),
                rows.getString("requested_by_key"),
                rows.getTimestamp("erased_at").toInstant());
    }
}
