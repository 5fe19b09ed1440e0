package com.klarefi.intake.internal.sessions;

import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import java.time.Instant;
import java.util.Optional;

/** A hosted intake session as stored; {@link #statusAt} is what callers and the applicant see. */
public record Session(
        String id,
        String orgId,
        String environment,
        String keyId,
        String caseId,
        String caseTypeId,
        String locale,
        Optional<String> returnUrl,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> endedAt) {
    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";

    /** An open session past its expiry is expired, even before the expiry job has recorded it. */
    public String statusAt(Instant now) {
        return status.equals(OPEN) && !now.isBefore(expiresAt) ? EXPIRED : status;
    }

    public boolean openAt(Instant now) {
        return statusAt(now).equals(OPEN);
    }

    /** The customer's API key that created the session: the applicant acts on its behalf. */
    public Caller caller() {
        return new Caller(orgId, Environment.fromWire(environment).orElseThrow(), keyId);
    }
}
