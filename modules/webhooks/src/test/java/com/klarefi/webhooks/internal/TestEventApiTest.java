package com.klarefi.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import com.standardwebhooks.Webhook;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/webhooks/test}: a signed webhook.test, sent synchronously. */
class TestEventApiTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static TestDatabase database;
    private static WebhooksFixture fixture;
    private static HttpTestClient api;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        fixture = WebhooksFixture.start(database, Map.of());
        api = fixture.api("org_a", "test");
    }

    @AfterAll
    static void stop() {
        fixture.close();
        fixture.receiver.close();
        database.close();
    }

    @Test
    void sendsASignedTestEventAndReportsTheStatus() throws Exception {
        JsonNode answer = api.post(
                        "/api/v1/webhooks/test",
                        Map.of("endpoint_url", fixture.receiver.url("/test-ok"), "signing_secret", SECRET))
                .json();

        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("status_code").asInt()).isEqualTo(200);
        Receiver.Received request = fixture.receiver.receivedAt("/test-ok").getFirst();
        new Webhook(SECRET).verify(request.body(), request.headers());
        assertThat(Json.read(request.body()).path("type").asText()).isEqualTo("webhook.test");
    }

    /** Python's http.server answers this way: HTTP/1.0, no Content-Length, the close ends the body. */
    @Test
    void aReceiverAnsweringHttp10WithABodyEndedByTheCloseIsASuccess() throws Exception {
        try (ClosingReceiver old = ClosingReceiver.http10(200)) {
            JsonNode answer = testEventTo(old.url("/old"));

            assertThat(answer.path("success").asBoolean()).isTrue();
            assertThat(answer.path("status_code").asInt()).isEqualTo(200);
            assertThat(answer.has("error")).isFalse();
            new Webhook(SECRET)
                    .verify(
                            old.received().getFirst().body(),
                            old.received().getFirst().headers());
        }
    }

    @Test
    void anyTwoHundredStatusFromAReceiverThatClosesTheBodyIsASuccess() throws Exception {
        try (ClosingReceiver accepted = ClosingReceiver.http11ClosingTheBody(202)) {
            JsonNode answer = testEventTo(accepted.url("/accepted"));

            assertThat(answer.path("success").asBoolean()).isTrue();
            assertThat(answer.path("status_code").asInt()).isEqualTo(202);
        }
    }

    @Test
    void anHttp10ErrorStatusIsReportedAsThatStatus() throws Exception {
        try (ClosingReceiver failing = ClosingReceiver.http10(503)) {
            JsonNode answer = testEventTo(failing.url("/down"));

            assertThat(answer.path("success").asBoolean()).isFalse();
            assertThat(answer.path("status_code").asInt()).isEqualTo(503);
        }
    }

    @Test
    void aFailingReceiverAnswersSuccessFalseWithItsStatus() {
        fixture.receiver.answer(500);

        JsonNode answer = api.post(
                        "/api/v1/webhooks/test",
                        Map.of("endpoint_url", fixture.receiver.url("/test-500"), "signing_secret", SECRET))
                .json();

        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("status_code").asInt()).isEqualTo(500);
    }

    @Test
    void aRefusedConnectionAnswersSuccessFalseWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        JsonNode answer = api.post(
                        "/api/v1/webhooks/test",
                        Map.of("endpoint_url", "http://127.0.0.1:" + closedPort + "/x", "signing_secret", SECRET))
                .json();

        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("connection_refused");
        assertThat(answer.has("status_code"))
                .as("the guide promises status_code: null")
                .isTrue();
        assertThat(answer.path("status_code").isNull()).isTrue();
    }

    @Test
    void unknownFieldsAreRefusedAsOnProcessAndSessions() {
        HttpTestClient.Response refused = api.post(
                "/api/v1/webhooks/test",
                Map.of(
                        "endpoint_url",
                        fixture.receiver.url("/unknown"),
                        "signing_secret",
                        SECRET,
                        "event_type",
                        "document.processed"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("code").asText()).isEqualTo("unknown_parameter");
        assertThat(refused.error().path("param").asText()).isEqualTo("event_type");
        assertThat(fixture.receiver.receivedAt("/unknown")).isEmpty();
    }

    @Test
    void aSigningSecretWithoutTheWhsecPrefixIsRefused() {
        HttpTestClient.Response bare = api.post(
                "/api/v1/webhooks/test",
                Map.of(
                        "endpoint_url",
                        fixture.receiver.url("/bare"),
                        "signing_secret",
                        SECRET.substring("whsec_".length())));
        HttpTestClient.Response padded = api.post(
                "/api/v1/webhooks/test",
                Map.of("endpoint_url", fixture.receiver.url("/bare"), "signing_secret", " " + SECRET));

        assertThat(bare.error().path("code").asText()).isEqualTo("invalid_signing_secret");
        assertThat(padded.error().path("code").asText()).isEqualTo("invalid_signing_secret");
        assertThat(fixture.receiver.receivedAt("/bare")).isEmpty();
    }

    @Test
    void theSsrfRulesAndSecretFormatApply() {
        HttpTestClient.Response metadata = api.post(
                "/api/v1/webhooks/test", Map.of("endpoint_url", "http://169.254.169.254/", "signing_secret", SECRET));
        HttpTestClient.Response badSecret = api.post(
                "/api/v1/webhooks/test",
                Map.of("endpoint_url", fixture.receiver.url("/x"), "signing_secret", "whsec_!!!"));
        HttpTestClient.Response liveHttp = fixture.api("org_a", "live")
                .post(
                        "/api/v1/webhooks/test",
                        Map.of("endpoint_url", fixture.receiver.url("/x"), "signing_secret", SECRET));

        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.error().path("code").asText()).isEqualTo("url_not_allowed");
        assertThat(badSecret.error().path("code").asText()).isEqualTo("invalid_signing_secret");
        assertThat(liveHttp.error().path("code").asText()).isEqualTo("https_required");
    }

    private static JsonNode testEventTo(String url) {
        return api.post("/api/v1/webhooks/test", Map.of("endpoint_url", url, "signing_secret", SECRET))
                .json();
    }
}
