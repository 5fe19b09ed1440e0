package com.klarefi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.ratelimit.api.RateLimitDecision;
import com.klarefi.ratelimit.api.RateLimits;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;
import com.klarefi.testing.TestClock;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two limiters over two connection pools on one database play two servers of one installation. */
class RateLimitsAcrossInstancesTest {
    private static TestDatabase testDatabase;
    private static Database firstPool;
    private static Database secondPool;

    private final TestClock clock = TestClock.atStartOfAMinute();
    private RateLimitFacade first;
    private RateLimitFacade second;

    @BeforeAll
    static void startDatabase() {
        testDatabase = TestDatabase.create();
        firstPool = Database.connect(testDatabase.connectionSettings());
        firstPool.migrate("ratelimit");
        secondPool = Database.connect(testDatabase.connectionSettings());
    }

    @AfterAll
    static void stopDatabase() {
        secondPool.close();
        firstPool.close();
        testDatabase.close();
    }

    @BeforeEach
    void twoInstances() {
        testDatabase.execute("TRUNCATE ratelimit.window_usage, ratelimit.organisation_limit");
        first = instance(firstPool);
        second = instance(secondPool);
    }

    @Test
    void theLimitHoldsExactlyWithinAWindow() {
        assertThat(allowed(first, "org_a", 150)).isEqualTo(100);
        assertThat(usedInLedger("org_a")).isEqualTo(100);
    }

    @Test
    void twoInstancesUnderConcurrentLoadNeverAcceptMoreThanTheLimitTogether() throws Exception {
        first.changeLimit("org_b", 250);
        for (int window = 0; window < 3; window++) {
            List<Integer> acceptedA = new ArrayList<>();
            List<Integer> acceptedB = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> forA = new ArrayList<>();
                List<Future<Integer>> forB = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    RateLimits instance = thread % 2 == 0 ? first : second;
                    forA.add(threads.submit(() -> allowedAfter(start, instance, "org_a", 60)));
                    forB.add(threads.submit(() -> allowedAfter(start, instance, "org_b", 80)));
                }
                start.countDown();
                for (int i = 0; i < forA.size(); i++) {
                    acceptedA.add(forA.get(i).get());
                    acceptedB.add(forB.get(i).get());
                }
            }
            // Every instance keeps asking long after the budget is gone, so every leased permit is spent.
            assertThat(acceptedA.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
            assertThat(acceptedB.stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void oneOrganisationSpendingItsLimitDoesNotThrottleAnother() {
        allowed(first, "org_a", 120);
        allowed(second, "org_a", 120);

        RateLimitDecision other = second.acquire("org_b");

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(99);
        assertThat(1 + allowed(first, "org_b", 200) + allowed(second, "org_b", 200))
                .isEqualTo(100);
    }

    @Test
    void theWindowResetsAtTheNextMinute() {
        clock.advance(Duration.ofSeconds(50));
        assertThat(allowed(first, "org_a", 100) + allowed(second, "org_a", 100)).isEqualTo(100);

        clock.advance(Duration.ofSeconds(10));

        assertThat(allowed(second, "org_a", 100) + allowed(first, "org_a", 100)).isEqualTo(100);
    }

    @Test
    void aRaisedLimitReachesAnInstanceThatAlreadyRefusedWithinASecond() {
        assertThat(allowed(second, "org_a", 110)).isEqualTo(100);

        first.changeLimit("org_a", 150);
        clock.advance(LeasePolicy.standard().refusalRecheck());

        assertThat(allowed(second, "org_a", 100)).isEqualTo(50);
        assertThat(second.acquire("org_a").limit()).isEqualTo(150);
    }

    @Test
    void aLoweredLimitHoldsOnEveryInstanceOnceLeasedBlocksExpire() {
        int acceptedBefore = allowed(first, "org_a", 5) + allowed(second, "org_a", 5);

        second.changeLimit("org_a", 20);
        clock.advance(LeasePolicy.standard().blockLifetime());

        int acceptedAfter = 0;
        for (int i = 0; i < 40; i++) {
            acceptedAfter += allowed(first, "org_a", 1) + allowed(second, "org_a", 1);
        }
        assertThat(acceptedBefore + acceptedAfter).isEqualTo(20);
    }

    @Test
    void permitsAQuietInstanceLeasedServeABusyOneOnceHandedBack() {
        int quiet = allowed(first, "org_a", 1);
        int busy = allowed(second, "org_a", 200);
        assertThat(quiet + busy).isLessThan(100);

        clock.advance(LeasePolicy.standard().blockLifetime());
        first.handBackStaleBlocks();

        assertThat(quiet + busy + allowed(second, "org_a", 200)).isEqualTo(100);
    }

    private RateLimitFacade instance(Database pool) {
        return new RateLimitFacade(pool, clock, 100, LeasePolicy.standard(), new JsonBodies(1 << 16));
    }

    private static int allowedAfter(CountDownLatch start, RateLimits instance, String orgId, int attempts)
            throws InterruptedException {
        start.await();
        return allowed(instance, orgId, attempts);
    }

    private static int allowed(RateLimits instance, String orgId, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (instance.acquire(orgId).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    private static int usedInLedger(String orgId) {
        return firstPool
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT used FROM ratelimit.window_usage WHERE org_id = :orgId")
                                .bind("orgId", orgId)
                                .mapTo(Integer.class)
                                .one());
    }
}
