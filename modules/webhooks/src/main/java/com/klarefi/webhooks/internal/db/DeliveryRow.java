package com.klarefi.webhooks.internal.db;

import java.time.Instant;
import java.util.Optional;

/** One event for one endpoint and where its delivery stands. */
public record DeliveryRow(String id, String endpointId, String messageId, String eventType, String version,
                          String payload, String status, int attempts, int dispatch, Optional<Instant> nextAttemptAt,
                          Optional<Integer> lastStatus, Optional<String> lastError, Instant createdAt,
                          Optional<Instant> finishedAt) {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
