package com.klarefi.ratelimit.internal.limiter;

/** The shared, exact count of permits taken per organisation and window, across instances. */
public interface PermitLedger {

    /**
     * Hands back {@code returned} unspent permits of the window starting at {@code windowStart}
     * (epoch seconds) and leases a new block from it, atomically.
     */
    Lease lease(String orgId, long windowStart, int returned);

    /** Hands back unspent permits of a window; nothing happens when that window is over. */
    void release(String orgId, long windowStart, int permits);
}
