package com.klarefi.webhooks.internal.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An endpoint as stored; secrets still encrypted. */
public record EndpointRow(
        String id,
        String orgId,
        String environment,
        String url,
        String description,
        String status,
        Optional<String> statusReason,
        Instant statusChangedAt,
        byte[] secret,
        Optional<byte[]> previousSecret,
        Optional<Instant> previousSecretExpiresAt,
        Optional<Instant> failingSince,
        Instant createdAt,
        Instant updatedAt,
        List<Subscription> subscriptions) {
    public static final String ENABLED = "enabled";
    public static final String PAUSED = "paused";
    public static final String DISABLED = "disabled";

    public boolean enabled() {
        return ENABLED.equals(status);
    }
}
