package com.klarefi.cases.internal.db;

import java.time.Instant;
import java.util.Map;

/** A row of {@code cases.events}: an event as the events API reads it back. */
public record EventRow(
        String eventId, String caseId, long cursor, String eventType, Map<String, Object> payload, Instant createdAt) {}
