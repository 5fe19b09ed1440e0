package com.klarefi.ratelimit.internal;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.ratelimit.api.OrganisationRateLimit;
import com.klarefi.ratelimit.api.RateLimitDecision;
import com.klarefi.ratelimit.api.RateLimits;
import com.klarefi.ratelimit.internal.db.OrganisationLimitRepository;
import com.klarefi.ratelimit.internal.db.PostgresPermitLedger;
import com.klarefi.ratelimit.internal.http.RateLimitAdminHttpService;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;
import com.klarefi.ratelimit.internal.limiter.WindowLimiter;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The ratelimit module as the composition root and the request guard see it. */
public final class RateLimitFacade implements RateLimits {
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final int defaultLimit;
    private final WindowLimiter limiter;
    private final OrganisationLimitRepository limits;
    private final RateLimitAdminHttpService adminHttp;
    private ScheduledExecutorService housekeeping;

    public RateLimitFacade(
            Database database, Clock clock, int defaultLimit, LeasePolicy policy, JsonBodies jsonBodies) {
        if (defaultLimit < 1 || defaultLimit > MAX_REQUESTS_PER_MINUTE) {
            throw new IllegalArgumentException("the default limit must be between 1 and " + MAX_REQUESTS_PER_MINUTE);
        }
        this.defaultLimit = defaultLimit;
        this.limiter =
                new WindowLimiter(new PostgresPermitLedger(database.jdbi(), defaultLimit, policy), policy, clock);
        this.limits = new OrganisationLimitRepository(database.jdbi());
        this.adminHttp = new RateLimitAdminHttpService(this, jsonBodies);
    }

    /** Hands stale blocks back every second on a daemon thread, until {@link #close()}. */
    public synchronized void startHousekeeping() {
        if (housekeeping == null) {
            housekeeping = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("ratelimit-housekeeping").daemon().factory());
            housekeeping.scheduleWithFixedDelay(limiter::handBackStaleBlocks, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public String name() {
        return "ratelimit";
    }

    @Override
    public void adminRoutes(ApiRoutes routes) {
        adminHttp.register(routes);
    }

    @Override
    public RateLimitDecision acquire(String orgId) {
        return limiter.acquire(orgId);
    }

    @Override
    public RateLimitDecision unspent() {
        return limiter.unspent(defaultLimit);
    }

    @Override
    public OrganisationRateLimit limitOf(String orgId) {
        requireOrgId(orgId);
        return limits.find(orgId)
                .map(limit -> new OrganisationRateLimit(orgId, limit, OrganisationRateLimit.ORGANISATION))
                .orElseGet(() -> new OrganisationRateLimit(orgId, defaultLimit, OrganisationRateLimit.DEFAULT));
    }

    @Override
    public OrganisationRateLimit changeLimit(String orgId, int requestsPerMinute) {
        requireOrgId(orgId);
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw ApiException.validation(
                            "invalid_field",
                            "requests_per_minute must be between 1 and " + MAX_REQUESTS_PER_MINUTE + ".")
                    .withDetail("param", "requests_per_minute");
        }
        limits.save(orgId, requestsPerMinute);
        return new OrganisationRateLimit(orgId, requestsPerMinute, OrganisationRateLimit.ORGANISATION);
    }

    @Override
    public OrganisationRateLimit resetLimit(String orgId) {
        requireOrgId(orgId);
        limits.delete(orgId);
        return new OrganisationRateLimit(orgId, defaultLimit, OrganisationRateLimit.DEFAULT);
    }

    /** Runs one housekeeping pass now; tests drive it with their own clock. */
    public void handBackStaleBlocks() {
        limiter.handBackStaleBlocks();
    }

    @Override
    public synchronized void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            housekeeping = null;
        }
    }

    private static void requireOrgId(String orgId) {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw ApiException.validation(
                    "invalid_organisation_id",
                    "The organisation id must be 1 to 128 letters, digits or the characters _ . : -");
        }
    }
}
