package com.klarefi.auth.api;

import com.klarefi.platform.http.Environment;
import java.time.Instant;
import java.util.Optional;

/** An API key as operators see it after creation: never the key, only its prefix and last four. */
public record KeySummary(String keyId, String orgId, Environment environment, String last4, Instant createdAt,
                         Optional<Instant> revokedAt, Optional<Instant> expiresAt, Optional<String> replacedBy) {

    /** {@code sk_test_...abcd}: enough to recognise a key, useless to use one. */
    public String redacted() {
        return "sk_" + environment.wireName() + "_..." + last4;
    }

    public String status(Instant now) {
        if (revokedAt.isPresent()) {
            return "revoked";
        }
        if (expiresAt.isPresent()) {
            return expiresAt.get().isAfter(now) ? "expiring" : "expired";
        }
        return "active";
    }
}
