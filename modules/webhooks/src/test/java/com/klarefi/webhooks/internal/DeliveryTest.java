package com.klarefi.webhooks.internal;

import static com.klarefi.webhooks.internal.FakeCaseEventLog.failed;
import static com.klarefi.webhooks.internal.FakeCaseEventLog.processed;
import static com.klarefi.webhooks.internal.FakeCaseEventLog.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.TestDatabase;
import com.klarefi.webhooks.internal.db.DeliveryRepository;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.delivery.RetrySchedule;
import com.klarefi.webhooks.internal.jobs.DeliverWebhook;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.awaitility.Awaitility;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery to a real receiver on loopback, checked with an independent Standard Webhooks verifier. */
class DeliveryTest {
    private static TestDatabase database;
    private static WebhooksFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        fixture = WebhooksFixture.start(database, Map.of("KLAREFI_WEBHOOK_PAUSE_AFTER_HOURS", "1000"));
    }

    /** Verifiers accept timestamps near their own clock only; tests that move the clock start from now. */
    @BeforeEach
    void backToTheRealTime() {
        fixture.clock.set(Instant.now());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        fixture.receiver.close();
        database.close();
    }

    @Test
    void everyDeliveredRequestVerifiesWithTheIndependentLibraryAndAFlippedByteDoesNot() throws Exception {
        JsonNode endpoint = fixture.register("org_verify", "test", "/verify", List.of("document.processed"));
        LoggedCaseEvent event = fixture.emit("org_verify", "test", processed("case_verify"));

        fixture.runJob(onlyDelivery(endpoint).path("id").asText());

        Receiver.Received request = fixture.receiver.receivedAt("/verify").getFirst();
        Webhook verifier = new Webhook(endpoint.path("secret").asText());
        verifier.verify(request.body(), request.headers());
        assertThat(request.webhookId()).isEqualTo(event.eventId());
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode body = Json.read(request.body());
        assertThat(body.path("type").asText()).isEqualTo("document.processed");
        assertThat(body.path("version").asText()).isEqualTo("v1");
        assertThat(body.path("data").path("sequence").asLong()).isEqualTo(event.cursor());
        assertThat(body.path("event_id").asText()).isEqualTo(event.eventId());
        assertThat(body.path("event_type").asText()).isEqualTo(event.eventType());
        assertThat(body.path("cursor").asLong()).isEqualTo(event.cursor());
        assertThat(Instant.parse(body.path("created_at").asText())).isEqualTo(event.createdAt());
        assertThat(body.path("data").path("trace_id").asText()).isEqualTo("trace-case_verify");
        assertThat(body.path("data").path("external_case_id").asText()).isEqualTo("ext-case_verify");
        String flipped = request.body().replace("case_verify", "case_verifz");
        assertThatThrownBy(() -> verifier.verify(flipped, request.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(onlyDelivery(endpoint).path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aDeliveryToAReceiverAnsweringHttp10SucceedsAtTheFirstAttempt() throws Exception {
        try (ClosingReceiver old = ClosingReceiver.http10(200)) {
            JsonNode endpoint =
                    fixture.registerUrl("org_http10", "test", old.url("/old"), List.of("document.processed"));
            fixture.emit("org_http10", "test", processed("case_http10"));

            fixture.runJob(onlyDelivery(endpoint).path("id").asText());

            new Webhook(endpoint.path("secret").asText())
                    .verify(
                            old.received().getFirst().body(),
                            old.received().getFirst().headers());
            JsonNode delivery = onlyDelivery(endpoint);
            assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anEndpointOnlyReceivesTheTypesItSubscribedToOfItsOwnOrganisationAndEnvironment() {
        JsonNode endpoint = fixture.register("org_scope", "test", "/scope", List.of("case.updated"));

        fixture.emit("org_scope", "test", processed("case_scope1"));
        fixture.emit("org_scope", "live", updated("case_scope2"));
        fixture.emit("org_other", "test", updated("case_scope3"));
        fixture.emit("org_scope", "test", updated("case_scope4"));

        JsonNode deliveries = fixture.deliveries(endpoint.path("id").asText());
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).path("event_type").asText()).isEqualTo("case.updated");
    }

    @Test
    void retriesKeepTheWebhookIdChangeTimestampAndSignatureAndFollowTheScheduleWithJitter() throws Exception {
        JsonNode endpoint = fixture.register("org_retry", "test", "/retry", List.of("document.failed"));
        fixture.emit("org_retry", "test", failed("case_retry"));
        String deliveryId = onlyDelivery(endpoint).path("id").asText();
        List<Duration> gaps = new ArrayList<>();
        Instant previous = null;
        for (int attempt = 1; attempt <= RetrySchedule.maxAttempts(); attempt++) {
            fixture.receiver.answer(500);
            JsonNode before = fixture.delivery(deliveryId);
            Instant due = Instant.parse(before.path("next_attempt_at").asText());
            fixture.clock.set(due);
            if (previous != null) {
                gaps.add(Duration.between(previous, due));
            }
            previous = due;
            fixture.runJob(deliveryId);
        }

        List<Duration> published = RetrySchedule.DELAYS.subList(1, RetrySchedule.DELAYS.size());
        for (int i = 0; i < published.size(); i++) {
            long expected = published.get(i).toMillis();
            assertThat(gaps.get(i).toMillis())
                    .as("delay before attempt " + (i + 2))
                    .isBetween(Math.round(expected * 0.9) - 500, Math.round(expected * 1.1) + 500);
        }
        assertThat(gaps.subList(3, gaps.size()))
                .as("jitter spreads the delays by more than the test's own drift")
                .anySatisfy(gap -> assertThat(published.stream()
                                .noneMatch(delay -> Math.abs(delay.minus(gap).toMillis()) < 1000))
                        .isTrue());
        List<Receiver.Received> requests = fixture.receiver.receivedAt("/retry");
        assertThat(requests).hasSize(RetrySchedule.maxAttempts());
        assertThat(requests)
                .extracting(Receiver.Received::webhookId)
                .containsOnly(requests.getFirst().webhookId());
        assertThat(requests.stream()
                        .map(request -> request.header("webhook-timestamp"))
                        .distinct())
                .hasSize(requests.size());
        assertThat(requests.stream()
                        .map(request -> request.header("webhook-signature"))
                        .distinct())
                .hasSize(requests.size());
        JsonNode finished = fixture.delivery(deliveryId);
        assertThat(finished.path("status").asText()).isEqualTo("failed");
        assertThat(finished.path("attempt_log")).hasSize(RetrySchedule.maxAttempts());
        assertThat(finished.path("attempt_log").get(0).path("status_code").asInt())
                .isEqualTo(500);
        assertThat(finished.path("attempt_log").get(0).path("response_body").asText())
                .contains("received");
    }

    @Test
    void theNextAttemptIsAScheduledJobrunrJobAtTheRecordedTimeNamedByItsIdsAlone() {
        JsonNode endpoint = fixture.register("org_jobs", "test", "/jobs", List.of("document.failed"));
        fixture.emit("org_jobs", "test", failed("case_jobs"));
        String deliveryId = onlyDelivery(endpoint).path("id").asText();
        fixture.receiver.answer(502);

        fixture.runJob(deliveryId);

        Instant next = Instant.parse(
                fixture.delivery(deliveryId).path("next_attempt_at").asText());
        int dispatch = fixture.dispatchOf(deliveryId);
        var jobId = DeliverWebhook.jobIdOf(deliveryId, dispatch);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var job = fixture.jobs.storage().getJobById(jobId);
            assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
            assertThat(((ScheduledState) job.getJobState()).getScheduledAt()).isEqualTo(next);
            assertThat(job.getJobName()).isEqualTo("deliver webhook " + deliveryId + " (dispatch " + dispatch + ")");
        });
    }

    @Test
    void retryAfterOnA429Or503IsHonouredAndCapped() {
        JsonNode endpoint = fixture.register("org_after", "test", "/after", List.of("document.failed"));
        fixture.emit("org_after", "test", failed("case_after"));
        String deliveryId = onlyDelivery(endpoint).path("id").asText();

        fixture.receiver.answer(429, Map.of("Retry-After", "120"));
        Instant first = fixture.clock.instant();
        fixture.runJob(deliveryId);
        Instant afterFirst = Instant.parse(
                fixture.delivery(deliveryId).path("next_attempt_at").asText());
        fixture.clock.set(afterFirst);
        fixture.receiver.answer(503, Map.of("Retry-After", "999999"));
        fixture.runJob(deliveryId);
        Instant afterSecond = Instant.parse(
                fixture.delivery(deliveryId).path("next_attempt_at").asText());

        assertThat(Duration.between(first, afterFirst)).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
        assertThat(Duration.between(afterFirst, afterSecond))
                .isBetween(Duration.ofSeconds(3599), Duration.ofSeconds(3601));
    }

    @Test
    void a410DisablesTheEndpointAtOnce() {
        JsonNode endpoint = fixture.register("org_gone", "test", "/gone", List.of("document.failed"));
        fixture.emit("org_gone", "test", failed("case_gone"));
        fixture.receiver.answer(410);

        fixture.runJob(onlyDelivery(endpoint).path("id").asText());

        JsonNode read = fixture.endpoint(endpoint.path("id").asText());
        assertThat(read.path("status").asText()).isEqualTo("disabled");
        assertThat(read.path("status_reason").asText()).contains("410");
        assertThat(onlyDelivery(endpoint).path("status").asText()).isEqualTo("pending");
    }

    /** Found by the webhook-receivers chaos run: JobRunr started 5 s retries up to 5 s early. */
    @Test
    void aRetryWhoseJobStartsBeforeItsTimeWaitsUntilItIsDue() {
        JsonNode endpoint = fixture.register("org_early", "test", "/early", List.of("case.updated"));
        fixture.emit("org_early", "test", updated("case_early"));
        String deliveryId = onlyDelivery(endpoint).path("id").asText();
        fixture.receiver.answer(500);
        fixture.runJob(deliveryId);
        Instant due = Instant.parse(
                fixture.delivery(deliveryId).path("next_attempt_at").asText());
        fixture.clock.set(due.minusMillis(700));
        fixture.receiver.answer(204);

        long started = System.nanoTime();
        fixture.webhooks.deliveries().deliverWhenDue(deliveryId, fixture.dispatchOf(deliveryId));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
        assertThat(fixture.receiver.receivedAt("/early")).hasSize(2);
    }

    /** Found by the webhook-receivers chaos run: a reconciler or a drain acting on a stale read sent a delivery a second time. */
    @Test
    void neitherTheReconcilerNorADrainRestartsADeliveryThatMovedOnOrIsBeingSent() {
        JsonNode endpoint = fixture.register("org_race", "test", "/race", List.of("case.updated"));
        fixture.emit("org_race", "test", updated("case_race"));
        String deliveryId = onlyDelivery(endpoint).path("id").asText();
        int seen = fixture.dispatchOf(deliveryId);
        var repository = new DeliveryRepository(fixture.database.jdbi());
        Instant now = fixture.clock.instant();

        fixture.database.useTransaction(tx -> repository.markSending(tx, deliveryId, now.plusSeconds(45)));
        Optional<DispatchRef> whileSending = fixture.database.inTransaction(
                tx -> repository.redispatchIfIdle(tx, deliveryId, OptionalInt.of(seen), now));
        fixture.webhooks.deliveries().drain(endpoint.path("id").asText());
        fixture.database.useTransaction(tx -> repository.markSending(tx, deliveryId, now.minusSeconds(1)));
        Optional<DispatchRef> movedOn = fixture.database.inTransaction(
                tx -> repository.redispatchIfIdle(tx, deliveryId, OptionalInt.of(seen + 1), now));
        Optional<DispatchRef> idle = fixture.database.inTransaction(
                tx -> repository.redispatchIfIdle(tx, deliveryId, OptionalInt.of(seen), now));

        assertThat(whileSending).isEmpty();
        assertThat(fixture.receiver.receivedAt("/race"))
                .as("a drain leaves a delivery being sent alone")
                .isEmpty();
        assertThat(movedOn).isEmpty();
        assertThat(idle).hasValueSatisfying(ref -> assertThat(ref.dispatch()).isEqualTo(seen + 1));
    }

    /** Found by the webhook-receivers chaos run: events while an endpoint was disabled were never delivered, nor the one answered 410. */
    @Test
    void eventsWhileAnEndpointIsDisabledWaitAndResumingDeliversThem() {
        JsonNode endpoint = fixture.register("org_gone_back", "test", "/gone-back", List.of("case.updated"));
        String id = endpoint.path("id").asText();
        fixture.emit("org_gone_back", "test", updated("case_g1"));
        fixture.receiver.answer(410);
        fixture.runJob(fixture.deliveries(id).get(0).path("id").asText());

        fixture.emit("org_gone_back", "test", updated("case_g2"));
        assertThat(fixture.receiver.receivedAt("/gone-back")).hasSize(1);

        fixture.receiver.answer(204);
        assertThat(fixture.admin
                        .post("/admin/v1/webhooks/endpoints/" + id + "/resume", "{}")
                        .status())
                .isEqualTo(200);
        fixture.webhooks.deliveries().drain(id);

        assertThat(fixture.receiver.receivedAt("/gone-back"))
                .extracting(request ->
                        Json.read(request.body()).path("data").path("case_id").asText())
                .containsExactly("case_g1", "case_g1", "case_g2");
        assertThat(fixture.deliveries(id))
                .allSatisfy(
                        delivery -> assertThat(delivery.path("status").asText()).isEqualTo("succeeded"));
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        JsonNode endpoint = fixture.register("org_rotate", "test", "/rotate", List.of("case.updated"));
        String id = endpoint.path("id").asText();
        JsonNode rotated = fixture.admin
                .post("/admin/v1/webhooks/endpoints/" + id + "/rotate-secret", "{}")
                .json();
        fixture.emit("org_rotate", "test", updated("case_rotate"));

        fixture.runJob(onlyDelivery(endpoint).path("id").asText());

        Receiver.Received request = fixture.receiver.receivedAt("/rotate").getFirst();
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(endpoint.path("secret").asText()).verify(request.body(), request.headers());
        new Webhook(rotated.path("secret").asText()).verify(request.body(), request.headers());
        assertThat(rotated.path("secret").asText())
                .isNotEqualTo(endpoint.path("secret").asText());
        assertThat(fixture.admin
                        .get("/admin/v1/webhooks/endpoints/" + id + "/secret")
                        .json()
                        .path("secret")
                        .asText())
                .isEqualTo(rotated.path("secret").asText());
        assertThat(Instant.parse(rotated.path("previous_secret_valid_until").asText()))
                .isBetween(
                        fixture.clock.instant().plus(Duration.ofHours(23)),
                        fixture.clock.instant().plus(Duration.ofHours(25)));
    }

    private static JsonNode onlyDelivery(JsonNode endpoint) {
        JsonNode deliveries = fixture.deliveries(endpoint.path("id").asText());
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }
}
