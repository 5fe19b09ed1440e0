package com.klarefi.ratelimit.internal.db;

import com.klarefi.ratelimit.internal.limiter.Lease;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;
import com.klarefi.ratelimit.internal.limiter.PermitLedger;
import org.jdbi.v3.core.Jdbi;

/**
 * The window ledger in {@code ratelimit.window_usage}. A lease is one round trip to the
 * {@code ratelimit.lease} function, which locks the organisation's row, so concurrent leases
 * from any number of instances are serialised and the count stays exact.
 */
public final class PostgresPermitLedger implements PermitLedger {
    private final Jdbi jdbi;
    private final int defaultLimit;
    private final LeasePolicy policy;

    public PostgresPermitLedger(Jdbi jdbi, int defaultLimit, LeasePolicy policy) {
        this.jdbi = jdbi;
        this.defaultLimit = defaultLimit;
        this.policy = policy;
    }

    @Override
    public Lease lease(String orgId, long windowStart, int returned) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT granted, used, requests_per_minute
                        FROM ratelimit.lease(:orgId, :windowStart, :returned, :defaultLimit, :divisor, :maxBlock)""")
                .bind("orgId", orgId)
                .bind("windowStart", windowStart)
                .bind("returned", returned)
                .bind("defaultLimit", defaultLimit)
                .bind("divisor", policy.divisor())
                .bind("maxBlock", policy.maxBlock())
                .map((rows, context) -> new Lease(rows.getInt(1), rows.getInt(2), rows.getInt(3)))
                .one());
    }

    @Override
    public void release(String orgId, long windowStart, int permits) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE ratelimit.window_usage SET used = GREATEST(0, used - :permits)
                        WHERE org_id = :orgId AND window_start = :windowStart""")
                .bind("orgId", orgId)
                .bind("windowStart", windowStart)
                .bind("permits", permits)
                .execute());
    }
}
