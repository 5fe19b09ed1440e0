package com.klarefi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.ratelimit.internal.db.PostgresPermitLedger;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;
import com.klarefi.testing.TestDatabase;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what the limiter adds to a request on a warm instance against the real database, with
 * the real clock. Run by {@code scripts/bench/ratelimit.sh}; it reports, it never judges a time.
 */
@Tag("benchmark")
class RateLimitBenchmark {
    private static final int ORGANISATIONS = 2_000;

    @Test
    void printsTheLatencyTheLimiterAdds() {
        try (TestDatabase testDatabase = TestDatabase.create();
                Database database = Database.connect(testDatabase.connectionSettings())) {
            database.migrate("ratelimit");
            RateLimitFacade rateLimits = new RateLimitFacade(
                    database, Clock.systemUTC(), 100, LeasePolicy.standard(), new JsonBodies(1 << 16));
            rateLimits.startHousekeeping();
            try (rateLimits) {
                System.out.println("rate limiter on a warm instance (" + testDatabase.serverKind()
                        + " PostgreSQL, limit 100/min, " + ORGANISATIONS + " organisations, one thread)");
                for (int round = 1; round <= 2; round++) {
                    String label = round == 1 ? "warm-up " : "measured";
                    int offset = round * 10 * ORGANISATIONS;
                    measure(
                            label + " within limit  (50 req/org)",
                            50 * ORGANISATIONS,
                            i -> rateLimits.acquire("org_" + (offset + i % ORGANISATIONS)));
                    measure(
                            label + " over the limit (150 req/org)",
                            150 * ORGANISATIONS,
                            i -> rateLimits.acquire("org_" + (offset + ORGANISATIONS + i % ORGANISATIONS)));
                }
                PostgresPermitLedger ledger =
                        new PostgresPermitLedger(database.jdbi(), 1_000_000, LeasePolicy.standard());
                measure(
                        "one database lease round trip (the slow path)",
                        20_000,
                        i -> ledger.lease("org_lease_" + i % 100, 0, 0));
            }
            assertThat(rateLimits.acquire("org_after").allowed()).isTrue();
        }
    }

    private static void measure(String label, int operations, IntConsumer operation) {
        long[] nanos = new long[operations];
        for (int i = 0; i < operations; i++) {
            long started = System.nanoTime();
            operation.accept(i);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.println(String.format(
                Locale.ROOT,
                "  %-48s n=%7d  median=%8.2f us  p90=%8.2f us  p99=%8.2f us  p99.9=%8.2f us  max=%9.2f us",
                label,
                operations,
                micros(nanos, 0.50),
                micros(nanos, 0.90),
                micros(nanos, 0.99),
                micros(nanos, 0.999),
                nanos[nanos.length - 1] / 1000.0));
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
    }
}
