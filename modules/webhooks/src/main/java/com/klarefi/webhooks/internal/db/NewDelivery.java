package com.klarefi.webhooks.internal.db;

import java.time.Instant;

/** A delivery to record in the outbox. */
public record NewDelivery(
        String id,
        String endpointId,
        String messageId,
        String eventType,
        String version,
        String payload,
        Instant createdAt) {}
