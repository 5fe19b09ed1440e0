package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.processed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedule's first retry comes 5 s after a failed attempt, with a real JobRunr server that
 * looks for scheduled jobs only every 5 s. Jitter is off, so each retry's due time is exact and
 * the published bound, leaving within a second of it, can be checked for every one of them.
 */
class RetryTimingTest {
    private static final int ENDPOINTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LEAVES_WITHIN = Duration.ofSeconds(1);

    @Test
    void everyFirstRetryLeavesWithinASecondOfItsDueTime() throws Exception {
        try (TestDatabase database = TestDatabase.create();
                WebhooksFixture fixture =
                        WebhooksFixture.withJobServer(database, Map.of("KLAREFI_WEBHOOK_JITTER_PERCENT", "0"));
                Receiver receiver = fixture.receiver) {
            for (int i = 0; i < ENDPOINTS; i++) {
                fixture.receiver.answer(500);
            }
            for (int i = 0; i < ENDPOINTS; i++) {
                fixture.register("org_timing" + i, "test", "/timing" + i, List.of("document.processed"));
                fixture.emit("org_timing" + i, "test", processed("case_timing" + i));
            }

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(fixture.receiver.received())
                            .extracting(Receiver.Received::path)
                            .hasSize(2 * ENDPOINTS));

            for (int i = 0; i < ENDPOINTS; i++) {
                List<Receiver.Received> attempts = fixture.receiver.receivedAt("/timing" + i);
                assertThat(attempts).hasSize(2);
                Duration gap =
                        Duration.between(attempts.get(0).at(), attempts.get(1).at());
                assertThat(gap).as("endpoint %d", i).isBetween(FIRST_RETRY, FIRST_RETRY.plus(LEAVES_WITHIN));
            }
        }
    }
}
