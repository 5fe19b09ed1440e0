package com.klarefi.auth.api;

import com.klarefi.platform.http.Environment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An API key as operators see it after creation: never the key, only its prefix and last four. */
public record KeySummary(
        String keyId,
        String orgId,
        Environment environment,
        String last4,
        Instant createdAt,
        Optional<Instant> revokedAt,
        Optional<Instant> expiresAt,
        Optional<String> replacedBy) {

    /** {@code sk_test_...abcd}: enough to recognise a key, useless to use one. */
    public String redacted() {
        return "sk_" + environment.wireName() + "_..." + last4;
    }

    /** The key as the API and the command line render it (snake_case fields, absent ones left out). */
    public Map<String, Object> view(Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key_id", keyId);
        view.put("org_id", orgId);
        view.put("environment", environment.wireName());
        view.put("key", redacted());
        view.put("status", status(now));
        view.put("created_at", createdAt.toString());
        revokedAt.ifPresent(at -> view.put("revoked_at", at.toString()));
        expiresAt.ifPresent(at -> view.put("expires_at", at.toString()));
        replacedBy.ifPresent(id -> view.put("replaced_by", id));
        return view;
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
