package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.updated;
import static org.awaitility.Awaitility.await;

import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.platform.secrets.Secrets;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Event-to-first-attempt latency and deliveries per second to a local receiver, through the real
 * outbox, JobRunr server (2 workers) and HTTP client. Reports numbers; asserts nothing about time.
 */
@Tag("benchmark")
class WebhooksBenchmark {
    private static final int ENDPOINTS = 4;
    private static final int SEQUENTIAL_EVENTS = 20;
    private static final int BURST_EVENTS = 250;

    @Test
    void reportsLatencyAndThroughput() throws Exception {
        try (TestDatabase database = TestDatabase.create();
                Receiver receiver = new Receiver();
                WebhooksFixture fixture = WebhooksFixture.restartedWithJobServer(
                        database, new Secrets(Secrets.randomBytes(32)), receiver)) {
            for (int i = 0; i < ENDPOINTS; i++) {
                fixture.register("org_bench", "test", "/bench" + i, List.of("case.updated"));
            }
            Map<String, Instant> committed = new ConcurrentHashMap<>();
            fixture.clock.set(Instant.now());
            List<Duration> idle = new ArrayList<>();
            for (int i = 0; i < SEQUENTIAL_EVENTS; i++) {
                int before = receiver.received().size();
                emit(fixture, committed, "seq" + i);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(2))
                        .until(() -> receiver.received().size() >= before + ENDPOINTS);
                idle.addAll(latencies(receiver.received().subList(before, before + ENDPOINTS), committed));
                fixture.clock.set(Instant.now());
            }
            report("one event at a time (" + ENDPOINTS + " endpoints each)", idle);

            int before = receiver.received().size();
            long started = System.nanoTime();
            for (int i = 0; i < BURST_EVENTS; i++) {
                emit(fixture, committed, "burst" + i);
            }
            int expected = before + BURST_EVENTS * ENDPOINTS;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> receiver.received().size() >= expected);
            double seconds = (System.nanoTime() - started) / 1e9;
            report(
                    "burst of " + BURST_EVENTS + " events",
                    latencies(receiver.received().subList(before, expected), committed));
            System.out.printf(
                    "deliveries per second: %.1f (%d deliveries in %.2f s)%n",
                    BURST_EVENTS * ENDPOINTS / seconds, BURST_EVENTS * ENDPOINTS, seconds);
        }
    }

    private static void emit(WebhooksFixture fixture, Map<String, Instant> committed, String caseId) {
        LoggedCaseEvent event = fixture.emit("org_bench", "test", updated(caseId));
        committed.put(event.eventId(), Instant.now());
    }

    private static List<Duration> latencies(List<Receiver.Received> requests, Map<String, Instant> committed) {
        return requests.stream()
                .map(request -> Duration.between(committed.get(request.webhookId()), request.at()))
                .toList();
    }

    private static void report(String scenario, List<Duration> latencies) {
        List<Long> millis =
                new ArrayList<>(latencies.stream().map(Duration::toMillis).toList());
        Collections.sort(millis);
        System.out.printf(
                "event-to-first-attempt, %s: median %d ms, p90 %d ms, p99 %d ms, max %d ms (n=%d)%n",
                scenario,
                millis.get(millis.size() / 2),
                millis.get(millis.size() * 9 / 10),
                millis.get(millis.size() * 99 / 100),
                millis.getLast(),
                millis.size());
    }
}
