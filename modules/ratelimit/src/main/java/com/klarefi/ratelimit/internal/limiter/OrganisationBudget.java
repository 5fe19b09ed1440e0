package com.klarefi.ratelimit.internal.limiter;

import com.klarefi.ratelimit.api.RateLimitDecision;

/**
 * One organisation's permits on this instance for the current window. Guarded by its own monitor,
 * so organisations never wait for each other; requests of one organisation that find the block
 * empty wait for the single lease in flight instead of each calling the database.
 */
final class OrganisationBudget {
    private static final long NEVER = Long.MIN_VALUE;
    private static final long WINDOW_MILLIS = RateLimitDecision.WINDOW_SECONDS * 1000L;

    private final String orgId;
    private long windowStart = NEVER;
    private int permits;
    private int limit;
    private int usedEverywhere;
    private long leasedAt = NEVER;
    private long refusedAt = NEVER;
    private long lastRequestAt = NEVER;
    private boolean retired;

    OrganisationBudget(String orgId) {
        this.orgId = orgId;
    }

    /** The decision, or {@code null} when this budget was retired and a fresh one must be used. */
    synchronized RateLimitDecision acquire(long now, PermitLedger ledger, LeasePolicy policy) {
        if (retired) {
            return null;
        }
        enterWindowOf(now);
        lastRequestAt = now;
        if (permits == 0 || now - leasedAt >= policy.blockLifetime().toMillis()) {
            refill(now, ledger, policy);
        }
        if (permits == 0) {
            return decision(false, 0, now);
        }
        permits--;
        return decision(true, Math.clamp((long) limit - usedEverywhere + permits, 0, limit), now);
    }

    /**
     * Takes this instance's unspent permits of the current window out of local use when they are
     * older than the block lifetime; the caller hands them back to the ledger.
     */
    synchronized StaleBlock takeStaleBlock(long now, LeasePolicy policy) {
        if (windowStart != windowStartOf(now)
                || permits == 0
                || now - leasedAt < policy.blockLifetime().toMillis()) {
            return null;
        }
        StaleBlock stale = new StaleBlock(orgId, windowStart, permits);
        permits = 0;
        usedEverywhere -= stale.permits();
        return stale;
    }

    /** Marks the budget unused once it saw no request for two windows, so the map can drop it. */
    synchronized boolean retireIfIdle(long now) {
        if (permits == 0 && now - lastRequestAt > 2 * WINDOW_MILLIS) {
            retired = true;
        }
        return retired;
    }

    private void enterWindowOf(long now) {
        long current = windowStartOf(now);
        // Only forward: a request that read the clock just before the minute turned can reach this
        // monitor after one of the new window; going back would lease from a window the ledger
        // has left and refuse it.
        if (current > windowStart) {
            // Permits of a past window are void; the ledger starts the new window from zero.
            windowStart = current;
            permits = 0;
            usedEverywhere = 0;
            refusedAt = NEVER;
        }
    }

    private void refill(long now, PermitLedger ledger, LeasePolicy policy) {
        if (permits == 0
                && refusedAt != NEVER
                && now - refusedAt < policy.refusalRecheck().toMillis()) {
            return;
        }
        Lease lease = ledger.lease(orgId, windowStart, permits);
        permits = lease.granted();
        usedEverywhere = lease.used();
        limit = lease.limit();
        leasedAt = now;
        refusedAt = lease.granted() == 0 ? now : NEVER;
    }

    private RateLimitDecision decision(boolean allowed, int remaining, long now) {
        long resetSeconds = windowStart + RateLimitDecision.WINDOW_SECONDS;
        long untilReset = Math.ceilDiv(resetSeconds * 1000 - now, 1000L);
        return new RateLimitDecision(allowed, limit, remaining, resetSeconds, (int) Math.max(1, untilReset));
    }

    /** Unspent permits of one window, taken out of local use to go back to the ledger. */
    record StaleBlock(String orgId, long windowStart, int permits) {}

    static long windowStartOf(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        return seconds - Math.floorMod(seconds, RateLimitDecision.WINDOW_SECONDS);
    }
}
