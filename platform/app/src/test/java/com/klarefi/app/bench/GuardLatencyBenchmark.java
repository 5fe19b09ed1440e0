package com.klarefi.app.bench;

import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What authentication and rate limiting add to a request on a warm instance: the latency of
 * {@code GET /api/v1/me} (API key lookup, rate-limit permit, tiny handler) against an unmatched
 * route answered 404 without either (same server, same socket, same envelope-sized body).
 * Prints numbers; never fails on them. Run with scripts/bench/api-guard.sh.
 */
@Tag("benchmark")
class GuardLatencyBenchmark {
    private static final int WARMUP = 3_000;
    private static final int SAMPLES = 5_000;

    @Test
    void printTheGuardsAddedLatency(@TempDir Path dataDirectory) {
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database, dataDirectory, Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "1000000"))) {
            HttpTestClient anonymous = HttpTestClient.local(server.port());
            HttpTestClient keyed =
                    anonymous.bearer(server.newOrganisation("Bench BV").get("test"));
            measure(() -> anonymous.get("/api/v1/unmatched").status(), WARMUP);
            measure(() -> keyed.get("/api/v1/me").status(), WARMUP);

            long[] baseline = measure(() -> anonymous.get("/api/v1/unmatched").status(), SAMPLES);
            long[] guarded = measure(() -> keyed.get("/api/v1/me").status(), SAMPLES);

            System.out.printf("%nGuard latency over %d sequential requests each (microseconds)%n", SAMPLES);
            print("unguarded 404 (baseline)", baseline);
            print("GET /me (auth + rate limit)", guarded);
            System.out.printf(
                    "added by authentication + rate limiting: median %+d us, p90 %+d us%n",
                    percentile(guarded, 50) - percentile(baseline, 50),
                    percentile(guarded, 90) - percentile(baseline, 90));
        }
    }

    private static long[] measure(Supplier<Integer> call, int count) {
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            call.get();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void print(String label, long[] sorted) {
        System.out.printf(
                "%-30s median %6d  p90 %6d  p99 %6d%n",
                label, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
