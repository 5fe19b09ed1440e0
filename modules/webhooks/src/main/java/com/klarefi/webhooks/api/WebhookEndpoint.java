package com.klarefi.webhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A registered endpoint as operators see it; never its signing secret. */
public record WebhookEndpoint(
        String id,
        String orgId,
        String environment,
        String url,
        String description,
        String status,
        Optional<String> statusReason,
        List<EventSubscription> subscriptions,
        Optional<Instant> failingSince,
        Optional<Instant> previousSecretValidUntil,
        Instant createdAt) {
    public WebhookEndpoint {
        subscriptions = List.copyOf(subscriptions);
    }
}
