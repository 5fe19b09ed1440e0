package com.klarefi.erasure.internal;

import com.klarefi.cases.api.CaseErasure;
import com.klarefi.cases.api.FeatureSnapshot;
import com.klarefi.erasure.internal.db.AuditRepository;
import com.klarefi.erasure.internal.db.Receipt;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.erasure.ErasedDocuments;
import com.klarefi.platform.erasure.ErasureParticipant;
import com.klarefi.platform.erasure.ErasureParticipants;
import com.klarefi.platform.erasure.ErasureTarget;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.ids.Ids;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.api.Processing;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * Erases one document everywhere Klarefi keeps it, in one transaction: the document's row, bytes
 * and pages (processing), the features that depended on it, recomputed from what remains (cases),
 * its id in the case's documents and event payloads (cases), and whatever other modules registered
 * as participants (idempotency records, webhook logs, intake uploads). The audit record written in
 * the same transaction is all that remains: ids, the hash of the bytes, the counts, who and when.
 */
final class Eraser {
    private final Database database;
    private final CaseErasure cases;
    private final Processing processing;
    private final ErasureParticipants participants;
    private final AuditRepository audits;
    private final Clock clock;

    Eraser(
            Database database,
            CaseErasure cases,
            Processing processing,
            ErasureParticipants participants,
            AuditRepository audits,
            Clock clock) {
        this.database = database;
        this.cases = cases;
        this.processing = processing;
        this.participants = participants;
        this.audits = audits;
        this.clock = clock;
    }

    /** Retries a transaction the database chose as a deadlock victim; nothing of it was kept. */
    Receipt erase(Caller caller, String docId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return eraseOnce(caller, docId);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDeadlock(Throwable error) {
        for (Throwable cursor = error; cursor != null; cursor = cursor.getCause()) {
            if (cursor instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private Receipt eraseOnce(Caller caller, String docId) {
        return database.inTransaction(tx -> {
            ErasableDocument document =
                    processing.lockForErasure(tx, caller, docId).orElseThrow(() -> notFound(caller, docId));
            cases.lockCaseOfDocument(tx, docId);
            FeatureSnapshot before = cases.featureSnapshot(tx, document.caseId());
            String auditId = Ids.newId("audit");
            cases.removeDocument(tx, document.caseId(), docId);
            processing.eraseDocument(tx, document);
            FeatureSnapshot after = cases.featureSnapshot(tx, document.caseId());
            // The case's event first: its subscribers' rows (webhook deliveries) are then locked in the
            // same order as the delivery jobs take them, endpoint before delivery.
            cases.documentErased(tx, document.caseId(), auditId);
            ErasureTarget target =
                    new ErasureTarget(caller.orgId(), caller.environment(), docId, document.caseId(), auditId);
            for (ErasureParticipant participant : participants.all()) {
                participant.erase(tx, target);
            }
            Receipt receipt = new Receipt(
                    auditId,
                    caller.orgId(),
                    caller.environment().wireName(),
                    docId,
                    document.caseId(),
                    document.sha256(),
                    removed(before.evidenceIds(), after.evidenceIds()),
                    removed(before.candidateIds(), after.candidateIds()),
                    removed(before.decisionIds(), after.decisionIds()),
                    true,
                    caller.keyId(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            audits.insert(tx, receipt);
            return receipt;
        });
    }

    private ApiException notFound(Caller caller, String docId) {
        return erasedDocuments().notFound(caller, docId);
    }

    /** This module's receipts as every endpoint taking a doc_id asks for them. */
    ErasedDocuments erasedDocuments() {
        return (caller, docId) -> audits.byDocument(caller, docId)
                .map(receipt -> new ErasedDocuments.Erased(receipt.auditId(), receipt.erasedAt()));
    }

    /** Ids present before and gone after: what depended on the erased document. */
    private static int removed(Set<String> before, Set<String> after) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        return gone.size();
    }
}
