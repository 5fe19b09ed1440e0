package com.klarefi.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.TestDatabase;
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
    private static TestDatabase database;
    private static WebhooksFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        fixture = WebhooksFixture.start(database, Map.of(WebhookSettings.MAX_IN_FLIGHT, "1"));
        fixture.clock.set(Instant.now());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        fixture.receiver.close();
        database.close();
    }

    @Test
    void aDeliveryThatFoundTheSlotsTakenGoesAsSoonAsOneIsFree() {
        JsonNode endpoint = fixture.register("org_busy", "test", "/busy", List.of("case.updated"));
        String endpointId = endpoint.path("id").asText();
        fixture.emit("org_busy", "test", "case.updated", "case_first");
        fixture.emit("org_busy", "test", "case.updated", "case_second");
        List<String> ids = fixture.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint ORDER BY created_at, id")
                .bind("endpoint", endpointId).mapTo(String.class).list());
        String first = ids.get(0);
        String second = ids.get(1);
        DeliveryRepository repository = new DeliveryRepository(fixture.database.jdbi());
        Instant now = fixture.clock.instant();

        // The first is being sent and holds the endpoint's only slot: the second is deferred.
        fixture.database.useTransaction(tx -> repository.markSending(tx, first, now.plusSeconds(45)));
        fixture.runJob(second);
        int deferredDispatch = fixture.dispatchOf(second);
        Instant deferredTo = Instant.parse(fixture.delivery(second).path("next_attempt_at").asText());
        assertThat(fixture.receiver.receivedAt("/busy")).isEmpty();
        assertThat(deferredTo).isAfter(now);

        // The first's send ends with a 2xx: its slot goes to the second at once, under a new dispatch.
        fixture.database.useTransaction(tx -> repository.markSending(tx, first, now.minusSeconds(1)));
        assertThat(fixture.webhooks.deliveries().deliver(first, fixture.dispatchOf(first))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(fixture.dispatchOf(second)).isEqualTo(deferredDispatch + 1);
        assertThat(Instant.parse(fixture.delivery(second).path("next_attempt_at").asText()))
                .isBefore(deferredTo).isBeforeOrEqualTo(fixture.clock.instant());
        UUID wokenJob = DeliverWebhook.jobIdOf(second, deferredDispatch + 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(fixture.jobs.storage().getJobById(wokenJob).getState()).isEqualTo(StateName.ENQUEUED));

        // The deferred job finds itself stale; the woken one sends.
        assertThat(fixture.webhooks.deliveries().deliver(second, deferredDispatch)).isEqualTo(Outcome.STALE);
        fixture.runJob(second);
        assertThat(fixture.receiver.receivedAt("/busy")).extracting(request -> Json.read(request.body())
                .path("data").path("case_id").asText()).containsExactly("case_first", "case_second");
    }

    @Test
    void aFailedSendWakesNobody() {
        JsonNode endpoint = fixture.register("org_busy_fail", "test", "/busy-fail", List.of("case.updated"));
        String endpointId = endpoint.path("id").asText();
        fixture.emit("org_busy_fail", "test", "case.updated", "case_f1");
        fixture.emit("org_busy_fail", "test", "case.updated", "case_f2");
        List<String> ids = fixture.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint ORDER BY created_at, id")
                .bind("endpoint", endpointId).mapTo(String.class).list());
        DeliveryRepository repository = new DeliveryRepository(fixture.database.jdbi());
        Instant now = fixture.clock.instant();
        fixture.database.useTransaction(tx -> repository.markSending(tx, ids.get(0), now.plusSeconds(45)));
        fixture.runJob(ids.get(1));
        int deferredDispatch = fixture.dispatchOf(ids.get(1));

        fixture.database.useTransaction(tx -> repository.markSending(tx, ids.get(0), now.minusSeconds(1)));
        fixture.receiver.answer(500);
        try {
            assertThat(fixture.webhooks.deliveries().deliver(ids.get(0), fixture.dispatchOf(ids.get(0)))).isEqualTo(Outcome.FAILED);
        } finally {
            fixture.receiver.answer(204);
        }

        assertThat(fixture.dispatchOf(ids.get(1))).as("a failing endpoint is not sent more at once").isEqualTo(deferredDispatch);
    }
}
