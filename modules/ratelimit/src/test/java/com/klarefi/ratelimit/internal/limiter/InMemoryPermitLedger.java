package com.klarefi.ratelimit.internal.limiter;

import java.util.HashMap;
import java.util.Map;

/** The ledger's rules kept in memory, counting how often it is asked. */
final class InMemoryPermitLedger implements PermitLedger {
    private final Map<String, long[]> windowAndUsedByOrg = new HashMap<>();
    private final Map<String, Integer> limits = new HashMap<>();
    private final int defaultLimit;
    private final LeasePolicy policy;
    private int leases;

    InMemoryPermitLedger(int defaultLimit, LeasePolicy policy) {
        this.defaultLimit = defaultLimit;
        this.policy = policy;
    }

    synchronized void setLimit(String orgId, int limit) {
        limits.put(orgId, limit);
    }

    synchronized int used(String orgId) {
        long[] row = windowAndUsedByOrg.get(orgId);
        return row == null ? 0 : (int) row[1];
    }

    synchronized int leases() {
        return leases;
    }

    @Override
    public synchronized Lease lease(String orgId, long windowStart, int returned) {
        leases++;
        int limit = limits.getOrDefault(orgId, defaultLimit);
        long[] row = windowAndUsedByOrg.computeIfAbsent(orgId, id -> new long[] {windowStart, 0});
        if (row[0] > windowStart) {
            return new Lease(0, (int) row[1], limit);
        }
        long used = row[0] < windowStart ? 0 : Math.max(0, row[1] - returned);
        int granted = policy.blockFor((int) Math.max(0, limit - used));
        row[0] = windowStart;
        row[1] = used + granted;
        return new Lease(granted, (int) row[1], limit);
    }

    @Override
    public synchronized void release(String orgId, long windowStart, int permits) {
        long[] row = windowAndUsedByOrg.get(orgId);
        if (row != null && row[0] == windowStart) {
            row[1] = Math.max(0, row[1] - permits);
        }
    }
}
