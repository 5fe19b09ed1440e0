package com.klarefi.ratelimit.internal.limiter;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.ratelimit.api.RateLimitDecision;
import com.klarefi.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowLimiterTest {
    private final TestClock clock = TestClock.atStartOfAMinute();
    private final LeasePolicy policy = LeasePolicy.standard();
    private final InMemoryPermitLedger ledger = new InMemoryPermitLedger(100, policy);
    private final WindowLimiter limiter = new WindowLimiter(ledger, policy, clock);

    @Test
    void allowsExactlyTheLimitInOneWindowAndCountsRemainingDown() {
        List<RateLimitDecision> decisions = acquire("org_a", 101);

        assertThat(decisions.subList(0, 100)).allMatch(RateLimitDecision::allowed);
        assertThat(decisions.get(100).allowed()).isFalse();
        assertThat(decisions)
                .extracting(RateLimitDecision::remaining)
                .startsWith(99, 98, 97)
                .endsWith(1, 0, 0);
        assertThat(ledger.used("org_a")).isEqualTo(100);
    }

    @Test
    void spendsMostPermitsWithoutAskingTheLedger() {
        acquire("org_a", 100);

        assertThat(ledger.leases()).isLessThanOrEqualTo(20);
    }

    @Test
    void refusalsStayLocalUntilTheRecheckIsDue() {
        acquire("org_a", 100);
        int leasesWhenSpent = ledger.leases();

        acquire("org_a", 500);
        assertThat(ledger.leases()).isEqualTo(leasesWhenSpent + 1);

        clock.advance(Duration.ofSeconds(1));
        acquire("org_a", 1);
        assertThat(ledger.leases()).isEqualTo(leasesWhenSpent + 2);
    }

    @Test
    void oneOrganisationSpendingItsLimitLeavesAnotherUntouched() {
        acquire("org_a", 150);

        RateLimitDecision other = limiter.acquire("org_b");

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(99);
    }

    @Test
    void theNextMinuteStartsAFreshWindow() {
        clock.advance(Duration.ofSeconds(45));
        assertThat(acquire("org_a", 101).getLast().allowed()).isFalse();

        clock.advance(Duration.ofSeconds(15));
        List<RateLimitDecision> next = acquire("org_a", 101);

        assertThat(next.subList(0, 100)).allMatch(RateLimitDecision::allowed);
        assertThat(next.getLast().allowed()).isFalse();
    }

    @Test
    void aRequestThatReadTheClockJustBeforeTheMinuteTurnedIsServedFromTheNewWindow() {
        clock.advance(Duration.ofSeconds(60).minusMillis(1));
        limiter.acquire("org_a");
        clock.advance(Duration.ofMillis(1));
        limiter.acquire("org_a");

        // A request that read the clock before the turn but reaches its organisation's budget after
        // a request of the new window: the ledger has moved on and would refuse the old window.
        clock.advance(Duration.ofMillis(-1));
        RateLimitDecision late = limiter.acquire("org_a");

        assertThat(late.allowed()).isTrue();
        assertThat(limiter.acquire("org_a").allowed()).isTrue();
    }

    @Test
    void resetAndRetryAfterPointAtTheNextMinute() {
        clock.advance(Duration.ofMillis(42_300));

        RateLimitDecision decision = limiter.acquire("org_a");

        assertThat(decision.resetEpochSeconds())
                .isEqualTo(Instant.parse("2030-01-07T09:31:00Z").getEpochSecond());
        assertThat(decision.retryAfterSeconds()).isEqualTo(18);
    }

    @Test
    void aLoweredLimitAppliesOnceTheLeasedBlockExpires() {
        acquire("org_a", 10);
        ledger.setLimit("org_a", 12);

        clock.advance(policy.blockLifetime());
        List<RateLimitDecision> afterwards = acquire("org_a", 5);

        assertThat(afterwards).filteredOn(RateLimitDecision::allowed).hasSize(2);
        assertThat(afterwards.getFirst().limit()).isEqualTo(12);
    }

    @Test
    void staleBlocksGoBackToTheLedgerForOtherInstances() {
        limiter.acquire("org_a");
        assertThat(ledger.used("org_a")).isEqualTo(25);

        clock.advance(policy.blockLifetime());
        limiter.handBackStaleBlocks();

        assertThat(ledger.used("org_a")).isEqualTo(1);
    }

    @Test
    void forgetsOrganisationsThatStoppedCalling() {
        acquire("org_a", 100);
        clock.advance(Duration.ofMinutes(3));

        limiter.handBackStaleBlocks();

        assertThat(limiter.trackedOrganisations()).isZero();
        assertThat(limiter.acquire("org_a").allowed()).isTrue();
    }

    private List<RateLimitDecision> acquire(String orgId, int times) {
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(limiter.acquire(orgId));
        }
        return decisions;
    }
}
