package com.klarefi.ratelimit.api;

import com.klarefi.platform.module.KlarefiModule;
import io.helidon.webserver.http.ServerResponse;

/**
 * Per-organisation request limits in fixed one-minute windows, exact across every instance that
 * shares the database. Built by {@link RateLimitModule#create}; close it on shutdown to stop its
 * background housekeeping.
 */
public interface RateLimits extends KlarefiModule, AutoCloseable {

    /** Counts one request of the organisation against its current window. */
    RateLimitDecision acquire(String orgId);

    /**
     * The default policy in the current window for a request that names no organisation (a 401):
     * it spends nothing, so the whole default limit remains.
     */
    RateLimitDecision unspent();

    /**
     * What a request guard does: acquires, writes the rate-limit headers and throws the 429
     * {@link RateLimitDecision#rejection()} when the organisation is over its limit.
     */
    default RateLimitDecision enforce(String orgId, ServerResponse response) {
        RateLimitDecision decision = acquire(orgId);
        decision.writeHeaders(response);
        if (!decision.allowed()) {
            throw decision.rejection();
        }
        return decision;
    }

    OrganisationRateLimit limitOf(String orgId);

    /** Sets the organisation's own limit; every instance applies it within a few seconds. */
    OrganisationRateLimit changeLimit(String orgId, int requestsPerMinute);

    /** Drops the organisation's own limit so the default applies again. */
    OrganisationRateLimit resetLimit(String orgId);

    @Override
    void close();
}
