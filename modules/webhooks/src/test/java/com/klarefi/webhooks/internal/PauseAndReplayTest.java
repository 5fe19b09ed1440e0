package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.processed;
import static com.klarefi.webhooks.internal.FakeCaseEventLog.updated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An endpoint failing for the configured time is paused, not dropped; resuming delivers what waited, in order. */
class PauseAndReplayTest {
    private static TestDatabase database;
    private static WebhooksFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        fixture = WebhooksFixture.start(database, Map.of("KLAREFI_WEBHOOK_PAUSE_AFTER_HOURS", "1"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
        fixture.receiver.close();
        database.close();
    }

    @Test
    void anEndpointFailingLongerThanThePausePeriodIsPausedItsQueueWaitsAndResumingDeliversInOrder() {
        JsonNode failing = fixture.register("org_pause", "test", "/failing", List.of("case.updated"));
        JsonNode watcher = fixture.register("org_pause", "test", "/watcher", List.of("endpoint.paused"));
        String failingId = failing.path("id").asText();
        fixture.emit("org_pause", "test", updated("case_p1"));
        String first = fixture.deliveries(failingId).get(0).path("id").asText();
        for (int attempt = 0; attempt < 5; attempt++) {
            fixture.receiver.answer(500);
            fixture.clock.set(Instant.parse(
                    fixture.delivery(first).path("next_attempt_at").asText()));
            fixture.runJob(first);
        }

        JsonNode paused = fixture.endpoint(failingId);
        assertThat(paused.path("status").asText()).isEqualTo("paused");
        assertThat(paused.path("status_reason").asText())
                .contains("failed since")
                .contains("HTTP 500");
        JsonNode notice = fixture.deliveries(watcher.path("id").asText()).get(0);
        assertThat(notice.path("event_type").asText()).isEqualTo("endpoint.paused");
        fixture.runJob(notice.path("id").asText());
        JsonNode noticeBody =
                Json.read(fixture.receiver.receivedAt("/watcher").getFirst().body());
        assertThat(noticeBody.path("data").path("endpoint_id").asText()).isEqualTo(failingId);

        fixture.emit("org_pause", "test", updated("case_p2"));
        fixture.emit("org_pause", "test", updated("case_p3"));
        fixture.runJob(first);
        assertThat(fixture.receiver.receivedAt("/failing")).hasSize(5);
        assertThat(fixture.deliveries(failingId))
                .hasSize(3)
                .allSatisfy(
                        delivery -> assertThat(delivery.path("status").asText()).isEqualTo("pending"));

        fixture.clock.set(Instant.now());
        assertThat(fixture.admin
                        .post("/admin/v1/webhooks/endpoints/" + failingId + "/resume", "{}")
                        .status())
                .isEqualTo(200);
        fixture.webhooks.deliveries().drain(failingId);

        List<String> cases = fixture.receiver.receivedAt("/failing").stream()
                .skip(5)
                .map(request ->
                        Json.read(request.body()).path("data").path("case_id").asText())
                .toList();
        assertThat(cases).containsExactly("case_p1", "case_p2", "case_p3");
        assertThat(fixture.deliveries(failingId))
                .allSatisfy(
                        delivery -> assertThat(delivery.path("status").asText()).isEqualTo("succeeded"));
        assertThat(fixture.endpoint(failingId).path("status").asText()).isEqualTo("enabled");
    }

    @Test
    void replaySendsEveryDeliverySinceATimeAgainWithTheSameWebhookIdAndResendSendsOne() {
        JsonNode endpoint = fixture.register("org_replay", "test", "/replay", List.of("document.processed"));
        String id = endpoint.path("id").asText();
        fixture.clock.set(Instant.now());
        Instant since = fixture.clock.instant().minus(Duration.ofSeconds(1));
        fixture.emit("org_replay", "test", processed("case_r1"));
        fixture.emit("org_replay", "test", processed("case_r2"));
        fixture.deliveries(id)
                .forEach(delivery -> fixture.runJob(delivery.path("id").asText()));

        JsonNode replayed = fixture.admin
                .post("/admin/v1/webhooks/endpoints/" + id + "/replay", Map.of("since", since.toString()))
                .json();
        fixture.webhooks.deliveries().drain(id);
        String one = fixture.deliveries(id).get(0).path("id").asText();
        JsonNode resent = fixture.admin
                .post("/admin/v1/webhooks/deliveries/" + one + "/resend", "{}")
                .json();
        fixture.runJob(one);

        assertThat(replayed.path("deliveries").asInt()).isEqualTo(2);
        assertThat(resent.path("status").asText()).isEqualTo("pending");
        List<Receiver.Received> requests = fixture.receiver.receivedAt("/replay");
        assertThat(requests).hasSize(5);
        assertThat(requests.stream().map(Receiver.Received::webhookId).distinct())
                .hasSize(2);
        assertThat(fixture.delivery(one).path("status").asText()).isEqualTo("succeeded");
    }
}
