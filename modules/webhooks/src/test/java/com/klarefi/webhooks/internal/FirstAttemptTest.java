package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.processed;
import static com.klarefi.webhooks.internal.FakeCaseEventLog.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.platform.secrets.Secrets;
import com.klarefi.testing.TestDatabase;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.delivery.DeliveryService.Outcome;
import com.klarefi.webhooks.internal.delivery.WebhookSettings;
import com.klarefi.webhooks.internal.jobs.DeliverWebhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.Test;

/**
 * A delivery's first attempt leaves from the process that committed its event, without a job of
 * its own; the outbox row and the reconciler stay the safety net for an attempt that never
 * recorded its outcome.
 */
class FirstAttemptTest {
    @Test
    void theFirstAttemptLeavesFromTheCommittingInstanceWithoutAJob() throws Exception {
        try (TestDatabase database = TestDatabase.create();
                WebhooksFixture fixture = WebhooksFixture.withJobServer(database, Map.of());
                Receiver receiver = fixture.receiver) {
            String endpointId = fixture.register("org_first", "test", "/first", List.of("document.processed"))
                    .path("id")
                    .asText();

            fixture.emit("org_first", "test", processed("case_first"));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(fixture.deliveries(endpointId)
                                    .get(0)
                                    .path("status")
                                    .asText())
                            .isEqualTo("succeeded"));
            String deliveryId = fixture.deliveries(endpointId).get(0).path("id").asText();
            assertThat(receiver.receivedAt("/first")).hasSize(1);
            assertThat(fixture.delivery(deliveryId).path("attempt_log")).hasSize(1);
            assertThat(fixture.jobs.stateOf(DeliverWebhook.jobIdOf(deliveryId, 0)))
                    .isEmpty();
        }
    }

    @Test
    void beyondFourFirstAttemptsUnderWayTheNextEventsDeliveriesGoToJobs() throws Exception {
        try (TestDatabase database = TestDatabase.create();
                WebhooksFixture fixture =
                        WebhooksFixture.withJobServer(database, Map.of(WebhookSettings.MAX_IN_FLIGHT, "10"));
                Receiver receiver = fixture.receiver) {
            CountDownLatch held = new CountDownLatch(1);
            receiver.onRequest(() -> {
                try {
                    held.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String endpointId = fixture.register("org_burst", "test", "/burst", List.of("case.updated"))
                    .path("id")
                    .asText();

            for (int event = 0; event < 6; event++) {
                fixture.emit("org_burst", "test", updated("case_burst_" + event));
            }

            List<String> deliveryIds = fixture.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT id FROM webhooks.deliveries WHERE endpoint_id = :endpoint ORDER BY created_at, id")
                            .bind("endpoint", endpointId)
                            .mapTo(String.class)
                            .list());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveryIds.stream()
                                    .filter(id -> fixture.jobs
                                            .stateOf(DeliverWebhook.jobIdOf(id, 0))
                                            .isPresent())
                                    .toList())
                            .containsExactlyElementsOf(deliveryIds.subList(4, 6)));
            held.countDown();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(fixture.deliveries(endpointId))
                            .allSatisfy(delivery ->
                                    assertThat(delivery.path("status").asText()).isEqualTo("succeeded")));
        }
    }

    @Test
    void anAttemptThatNeverRecordedItsOutcomeGetsANewJobOnceItsLeaseRanOutAndTheOldSenderFindsItselfStale()
            throws Exception {
        try (TestDatabase database = TestDatabase.create();
                Receiver receiver = new Receiver()) {
            WebhooksFixture fixture =
                    WebhooksFixture.withSecrets(database, new Secrets(Secrets.randomBytes(32)), receiver);
            try (fixture) {
                String endpointId = fixture.register("org_lost", "test", "/lost", List.of("document.processed"))
                        .path("id")
                        .asText();
                fixture.emit("org_lost", "test", processed("case_lost"));
                String deliveryId =
                        fixture.deliveries(endpointId).get(0).path("id").asText();
                // As a first attempt sent in-process leaves it when the process dies mid-send: claimed
                // (its lease now run out), no outcome recorded, no job.
                var firstJob = DeliverWebhook.jobIdOf(deliveryId, 0);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> fixture.jobs.stateOf(firstJob).isPresent());
                fixture.database.useTransaction(tx -> fixture.jobs.forget(tx, firstJob));
                DeliveryRepository repository = new DeliveryRepository(fixture.database.jdbi());
                fixture.database.useTransaction(tx -> repository.markSending(tx, deliveryId, fixture.clock.instant()));
                fixture.clock.advance(Duration.ofMinutes(2));

                fixture.webhooks.deliveries().reconcile();

                assertThat(fixture.dispatchOf(deliveryId)).isEqualTo(1);
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(fixture.jobs.stateOf(DeliverWebhook.jobIdOf(deliveryId, 1)))
                                .contains(StateName.ENQUEUED));
                assertThat(fixture.webhooks.deliveries().deliver(deliveryId, 0)).isEqualTo(Outcome.STALE);
                assertThat(receiver.receivedAt("/lost")).isEmpty();
                assertThat(fixture.webhooks.deliveries().deliver(deliveryId, 1)).isEqualTo(Outcome.SUCCEEDED);
                assertThat(receiver.receivedAt("/lost")).hasSize(1);
            }
        }
    }
}
