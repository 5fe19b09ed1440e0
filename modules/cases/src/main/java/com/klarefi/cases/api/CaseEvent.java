package com.klarefi.cases.api;

import java.time.Instant;
import java.util.Map;

/** An entry of a case's event log; the payload carries ids and statuses only. */
public record CaseEvent(String eventId, String caseId, long cursor, String eventType, Map<String, Object> payload,
                        Instant createdAt) {
    public static final String DOCUMENT_RECEIVED = "document.received";
    public static final String DOCUMENT_PROCESSED = "document.processed";
    public static final String DOCUMENT_FAILED = "document.failed";
    public static final String CASE_UPDATED = "case.updated";
    public static final String DOCUMENT_ERASED = "document.erased";
}
