package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.platform.json.Json;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.delivery.DeliveryService.Outcome;
import com.klarefi.webhooks.internal.delivery.WebhookSettings;
import com.klarefi.webhooks.internal.jobs.DeliverWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An endpoint has a few sending slots; a delivery that finds them taken waits for a later job. The
 * benchmarks showed that wait as first attempts 8 to 15 s after their event under load: a slot
 * that comes free now hands itself to the oldest waiting delivery at once.
 */
class BusyEndpointTest {
    private static WebhooksFixture fixture;
    private static DeliveryRepository repository;

    @BeforeAll
    static void start() throws Exception {
        fixture = WebhooksFixture.onOwnDatabase(Map.of(WebhookSettings.MAX_IN_FLIGHT, "1"));
        fixture.clock.set(Instant.now());
        repository = new DeliveryRepository(fixture.database.jdbi());
    }

    @AfterAll
    static void stop() {
        fixture.closeWithDatabase();
    }

    /** Two events to a new endpoint whose only slot the first holds: the second is deferred. Their ids, oldest first. */
    private static List<String> secondDeferredBehindFirst(String org, String path) {
        String endpointId = fixture.register(org, "test", path, List.of("case.updated"))
                .path("id")
                .asText();
        fixture.emit(org, "test", updated("case_first"));
        fixture.emit(org, "test", updated("case_second"));
        List<String> ids = fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint ORDER BY created_at, id")
                        .bind("endpoint", endpointId)
                        .mapTo(String.class)
                        .list());
        Instant now = fixture.clock.instant();
        fixture.database.useTransaction(tx -> repository.markSending(tx, ids.get(0), now.plusSeconds(45)));
        fixture.runJob(ids.get(1));
        assertThat(fixture.receiver.receivedAt(path)).isEmpty();
        // The first's send ends; its job now finds it claimable, as after the lease.
        fixture.database.useTransaction(tx -> repository.markSending(tx, ids.get(0), now.minusSeconds(1)));
        return ids;
    }

    @Test
    void aDeliveryThatFoundTheSlotsTakenGoesAsSoonAsOneIsFree() {
        List<String> ids = secondDeferredBehindFirst("org_busy", "/busy");
        String first = ids.get(0);
        String second = ids.get(1);
        int deferredDispatch = fixture.dispatchOf(second);
        Instant deferredTo =
                Instant.parse(fixture.delivery(second).path("next_attempt_at").asText());
        assertThat(deferredTo).isAfter(fixture.clock.instant());

        // The first is answered with a 2xx: its slot goes to the second at once, under a new dispatch.
        assertThat(fixture.webhooks.deliveries().deliver(first, fixture.dispatchOf(first)))
                .isEqualTo(Outcome.SUCCEEDED);
        assertThat(fixture.dispatchOf(second)).isEqualTo(deferredDispatch + 1);
        assertThat(Instant.parse(
                        fixture.delivery(second).path("next_attempt_at").asText()))
                .isBefore(deferredTo)
                .isBeforeOrEqualTo(fixture.clock.instant());
        UUID wokenJob = DeliverWebhook.jobIdOf(second, deferredDispatch + 1);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                fixture.jobs.storage().getJobById(wokenJob).getState())
                        .isEqualTo(StateName.ENQUEUED));

        // The deferred job finds itself stale; the woken one sends.
        assertThat(fixture.webhooks.deliveries().deliver(second, deferredDispatch))
                .isEqualTo(Outcome.STALE);
        fixture.runJob(second);
        assertThat(fixture.receiver.receivedAt("/busy"))
                .extracting(request ->
                        Json.read(request.body()).path("data").path("case_id").asText())
                .containsExactly("case_first", "case_second");
    }

    @Test
    void aFailedSendWakesNobody() {
        List<String> ids = secondDeferredBehindFirst("org_busy_fail", "/busy-fail");
        int deferredDispatch = fixture.dispatchOf(ids.get(1));

        fixture.receiver.answer(500);
        try {
            assertThat(fixture.webhooks.deliveries().deliver(ids.get(0), fixture.dispatchOf(ids.get(0))))
                    .isEqualTo(Outcome.FAILED);
        } finally {
            fixture.receiver.answer(204);
        }

        assertThat(fixture.dispatchOf(ids.get(1)))
                .as("a failing endpoint is not sent more at once")
                .isEqualTo(deferredDispatch);
    }
}
