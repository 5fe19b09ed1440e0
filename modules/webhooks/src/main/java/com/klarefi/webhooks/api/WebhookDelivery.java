package com.klarefi.webhooks.api;

import java.time.Instant;
import java.util.Optional;

/** One event for one endpoint and where its delivery stands; the payload carries ids and statuses only. */
public record WebhookDelivery(
        String id,
        String endpointId,
        String webhookId,
        String eventType,
        String version,
        String status,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<Integer> lastStatusCode,
        Optional<String> lastError,
        String payload,
        Instant createdAt,
        Optional<Instant> finishedAt) {}
