package com.klarefi.ratelimit.internal.limiter;

import java.time.Duration;

/**
 * How an instance leases permits from the shared window ledger.
 *
 * @param divisor          a lease takes this fraction (1/divisor) of what is left in the window
 * @param maxBlock         and never more than this many permits
 * @param blockLifetime    unspent permits older than this go back to the ledger, so another
 *                         instance can use them and a lowered limit applies everywhere soon
 * @param refusalRecheck   after the ledger refused, ask it again only this often: a flood of
 *                         refused requests must not become a flood of database calls
 */
public record LeasePolicy(int divisor, int maxBlock, Duration blockLifetime, Duration refusalRecheck) {
    public LeasePolicy {
        if (divisor < 1 || maxBlock < 1) {
            throw new IllegalArgumentException("divisor and maxBlock must be at least 1");
        }
    }

    public static LeasePolicy standard() {
        return new LeasePolicy(4, 100, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /** The grant for a window with {@code left} permits: the rule the database applies too. */
    public int blockFor(int left) {
        if (left <= 0) {
            return 0;
        }
        return Math.min(left, Math.max(1, Math.min(maxBlock, left / divisor)));
    }
}
