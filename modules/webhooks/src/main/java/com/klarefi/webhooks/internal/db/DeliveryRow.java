package com.klarefi.webhooks.internal.db;

import java.time.Instant;
import java.util.Optional;

/** One event for one endpoint and where its delivery stands. */
public record DeliveryRow(
        String id,
        String endpointId,
        String messageId,
        String eventType,
        String version,
        String payload,
        String status,
        int attempts,
        int dispatch,
        Optional<Instant> nextAttemptAt,
        Optional<Integer> lastStatus,
        Optional<String> lastError,
        Instant createdAt,
        Optional<Instant> finishedAt,
        Optional<Instant> sendingUntil) {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** Whether someone holds the lease to send it at {@code now} (a job, a first attempt, a retry alarm). */
    public boolean beingSent(Instant now) {
        return sendingUntil.filter(now::isBefore).isPresent();
    }
}
