package com.klarefi.ratelimit.internal.limiter;

import com.klarefi.ratelimit.api.RateLimitDecision;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows, aligned to the minute, whose permits live in a shared
 * {@link PermitLedger} and are spent locally in leased blocks. See the package documentation for
 * the design and its trade-offs.
 */
public final class WindowLimiter {
    private static final System.Logger LOG = System.getLogger(WindowLimiter.class.getName());

    private final PermitLedger ledger;
    private final LeasePolicy policy;
    private final Clock clock;
    private final Map<String, OrganisationBudget> budgets = new ConcurrentHashMap<>();

    public WindowLimiter(PermitLedger ledger, LeasePolicy policy, Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    public RateLimitDecision acquire(String orgId) {
        Objects.requireNonNull(orgId, "orgId");
        while (true) {
            OrganisationBudget budget = budgets.computeIfAbsent(orgId, OrganisationBudget::new);
            RateLimitDecision decision = budget.acquire(clock.millis(), ledger, policy);
            if (decision != null) {
                return decision;
            }
            budgets.remove(orgId, budget);
        }
    }

    /** The current window with nothing spent: what a request that names no organisation is told. */
    public RateLimitDecision unspent(int limit) {
        long now = clock.millis();
        long resetSeconds = OrganisationBudget.windowStartOf(now) + RateLimitDecision.WINDOW_SECONDS;
        long untilReset = Math.ceilDiv(resetSeconds * 1000 - now, 1000L);
        return new RateLimitDecision(true, limit, limit, resetSeconds, (int) Math.max(1, untilReset));
    }

    /**
     * Housekeeping, run every second or so: hands blocks that sat unspent past their lifetime back
     * to the ledger and forgets organisations that stopped calling. A failure for one organisation
     * loses at most its stale permits for this window (fewer accepted, never more).
     */
    public void handBackStaleBlocks() {
        long now = clock.millis();
        for (OrganisationBudget budget : budgets.values()) {
            OrganisationBudget.StaleBlock stale = budget.takeStaleBlock(now, policy);
            if (stale != null) {
                handBack(stale);
            }
        }
        budgets.values().removeIf(budget -> budget.retireIfIdle(now));
    }

    private void handBack(OrganisationBudget.StaleBlock stale) {
        try {
            ledger.release(stale.orgId(), stale.windowStart(), stale.permits());
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not hand back " + stale.permits() + " unspent rate-limit permits: "
                            + e.getClass().getSimpleName());
        }
    }

    int trackedOrganisations() {
        return budgets.size();
    }
}
