package com.klarefi.ratelimit.internal.db;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The limits operators set for single organisations, in {@code ratelimit.organisation_limit}. */
public final class OrganisationLimitRepository {
    private final Jdbi jdbi;

    public OrganisationLimitRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Integer> find(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT requests_per_minute FROM ratelimit.organisation_limit WHERE org_id = :orgId")
                .bind("orgId", orgId)
                .mapTo(Integer.class)
                .findOne());
    }

    public void save(String orgId, int requestsPerMinute) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO ratelimit.organisation_limit (org_id, requests_per_minute) VALUES (:orgId, :limit)
                        ON CONFLICT (org_id) DO UPDATE
                        SET requests_per_minute = EXCLUDED.requests_per_minute, updated_at = now()""")
                .bind("orgId", orgId)
                .bind("limit", requestsPerMinute)
                .execute());
    }

    public void delete(String orgId) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM ratelimit.organisation_limit WHERE org_id = :orgId")
                .bind("orgId", orgId)
                .execute());
    }
}
