package com.klarefi.cases.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to a case, as modules report it to the case's event log and hear it from there:
 * past-tense records carrying ids and statuses, never document content. Each has its wire name
 * ({@link #eventType()}) and the fields its payload adds to the case's correlation ids
 * ({@link #details()}), in the order the events API and webhooks show them.
 */
public sealed interface CaseEvent {
    String caseId();

    /** A document joined the case and waits for processing. */
    record DocumentReceived(String caseId, String docId) implements CaseEvent {}

    /** A document of the case has its pages and has contributed to the case's features. */
    record DocumentProcessed(String caseId, String docId) implements CaseEvent {}

    /** A document of the case failed for good, with the failure's code. */
    record DocumentFailed(String caseId, String docId, String failureCode) implements CaseEvent {}

    /** A document of the case was erased; {@code auditId} names the erasure's receipt. */
    record DocumentErased(String caseId, String auditId) implements CaseEvent {}

    /** The case's status after a change to its documents. */
    record CaseUpdated(String caseId, String status) implements CaseEvent {}

    /** The applicant finished a hosted intake session of the case. */
    record SessionCompleted(String caseId, String sessionId, int documentCount, int statementCount)
            implements CaseEvent {}

    /** A hosted intake session of the case ran out before the applicant finished it. */
    record SessionExpired(String caseId, String sessionId) implements CaseEvent {}

    /** The name on the wire: the events API's {@code event_type}, the webhook's {@code type}. */
    default String eventType() {
        return switch (this) {
            case DocumentReceived received -> "document.received";
            case DocumentProcessed processed -> "document.processed";
            case DocumentFailed failed -> "document.failed";
            case DocumentErased erased -> "document.erased";
            case CaseUpdated updated -> "case.updated";
            case SessionCompleted completed -> "session.completed";
            case SessionExpired expired -> "session.expired";
        };
    }

    /** The payload's fields after the case's correlation ids, in wire order. */
    default Map<String, Object> details() {
        return switch (this) {
            case DocumentReceived received -> fields("doc_id", received.docId(), "status", "queued");
            case DocumentProcessed processed -> fields("doc_id", processed.docId(), "status", "processed");
            case DocumentFailed failed ->
                fields("doc_id", failed.docId(), "status", "failed", "failure_code", failed.failureCode());
            case DocumentErased erased -> fields("audit_id", erased.auditId());
            case CaseUpdated updated -> fields("status", updated.status());
            case SessionCompleted completed ->
                fields(
                        "session_id",
                        completed.sessionId(),
                        "status",
                        "completed",
                        "document_count",
                        completed.documentCount(),
                        "statement_count",
                        completed.statementCount());
            case SessionExpired expired -> fields("session_id", expired.sessionId(), "status", "expired");
        };
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
