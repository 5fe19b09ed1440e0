package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.processed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.secrets.Secrets;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An instance that loses its database between the receiver's 2xx and the bookkeeping (as if the
 * process were killed there) leaves the delivery pending; the instance that takes over sends it
 * again with the same webhook-id. At most a duplicate, never a loss.
 */
class CrashRecoveryTest {
    @Test
    void aCrashBetweenTheReceiversAnswerAndTheBookkeepingGivesADuplicateWithTheSameWebhookIdNotALoss()
            throws Exception {
        try (TestDatabase database = TestDatabase.create();
                Receiver receiver = new Receiver()) {
            Secrets secrets = new Secrets(Secrets.randomBytes(32));
            WebhooksFixture crashing = WebhooksFixture.withSecrets(database, secrets, receiver);
            JsonNode endpoint = crashing.register("org_crash", "test", "/crash", List.of("document.processed"));
            crashing.emit("org_crash", "test", processed("case_crash"));
            String deliveryId = crashing.deliveries(endpoint.path("id").asText())
                    .get(0)
                    .path("id")
                    .asText();
            int dispatch = crashing.dispatchOf(deliveryId);
            receiver.onRequest(crashing.database::close);

            Throwable crash =
                    catchThrowable(() -> crashing.webhooks.deliveries().deliver(deliveryId, dispatch));
            receiver.onRequest(() -> {});
            crashing.server.stop();
            crashing.webhooks.close();

            assertThat(crash).as("the bookkeeping could not happen").isNotNull();
            try (WebhooksFixture takingOver = WebhooksFixture.restartedWithJobServer(database, secrets, receiver)) {
                takingOver.clock.advance(Duration.ofMinutes(2));
                takingOver.webhooks.deliveries().reconcile();

                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(takingOver
                                        .delivery(deliveryId)
                                        .path("status")
                                        .asText())
                                .isEqualTo("succeeded"));
                List<Receiver.Received> requests = receiver.receivedAt("/crash");
                assertThat(requests).hasSize(2);
                assertThat(requests.get(1).webhookId())
                        .isEqualTo(requests.get(0).webhookId());
            }
        }
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
