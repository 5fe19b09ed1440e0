package com.klarefi.cases.api;

import java.time.Instant;
import java.util.Map;

/**
 * A {@link CaseEvent} as the case's log holds it: its id, its gapless position in the case's log
 * ({@code cursor}), when it was appended, and its {@code payload} as the events API and webhooks
 * show it (the case's correlation ids, then the event's {@link CaseEvent#details()}).
 */
public record LoggedCaseEvent(
        String eventId, long cursor, Instant createdAt, CaseEvent event, Map<String, Object> payload) {
    public String caseId() {
        return event.caseId();
    }

    public String eventType() {
        return event.eventType();
    }
}
