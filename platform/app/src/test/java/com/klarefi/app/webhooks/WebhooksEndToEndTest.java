package com.klarefi.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a new user would: register an endpoint on the admin API, submit a document, receive
 * {@code document.processed} at the endpoint within seconds and verify its signature.
 */
class WebhooksEndToEndTest {
    private record Received(Map<String, List<String>> headers, String body) {}

    @Test
    void aSubmittedDocumentArrivesAsASignedDocumentProcessedWebhookWithinSeconds(@TempDir Path dataDirectory)
            throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
            received.add(new Received(
                    headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/documents/note.txt", exchange -> {
            byte[] text = "Schadeformulier\nPolisnummer AB-123\nDatum: 3 februari 2023\n"
                    .repeat(3)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database, dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            Map<String, String> keys = server.newOrganisation("Webhook user");
            HttpTestClient admin = HttpTestClient.local(server.adminPort()).bearer(server.adminToken());
            HttpTestClient.Response registered = admin.post(
                    "/admin/v1/webhooks/endpoints",
                    Map.of(
                            "org_id",
                            keys.get("org_id"),
                            "environment",
                            "test",
                            "url",
                            base + "/hooks",
                            "subscriptions",
                            List.of(Map.of("event_type", "document.processed", "version", "v1"))));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String secret = registered.json().path("secret").asText();

            HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
            HttpTestClient.Response accepted = api.post(
                    "/api/v1/process",
                    Map.of(
                            "document_url",
                            base + "/documents/note.txt",
                            "case_type_id",
                            "motor_claim",
                            "idempotency_key",
                            UUID.randomUUID().toString(),
                            "trace_id",
                            "trace-e2e"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            String docId = accepted.json().path("doc_id").asText();

            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            Received delivery = received.getFirst();
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            JsonNode body = Json.read(delivery.body());
            assertThat(body.path("type").asText()).isEqualTo("document.processed");
            assertThat(body.path("data").path("doc_id").asText()).isEqualTo(docId);
            assertThat(body.path("data").path("trace_id").asText()).isEqualTo("trace-e2e");
            assertThat(body.path("data").path("sequence").asLong()).isPositive();
            JsonNode logged = eventOf(
                    api,
                    accepted.json().path("case_id").asText(),
                    body.path("event_id").asText());
            assertThat(body.path("event_type").asText())
                    .isEqualTo(logged.path("event_type").asText())
                    .isEqualTo("document.processed");
            assertThat(body.path("cursor").asLong())
                    .isEqualTo(logged.path("cursor").asLong())
                    .isEqualTo(body.path("data").path("sequence").asLong());
            assertThat(body.path("created_at").asText())
                    .isEqualTo(logged.path("created_at").asText());
            assertThat(delivery.headers().get("webhook-id"))
                    .containsExactly(body.path("event_id").asText());
        } finally {
            receiver.stop(0);
        }
    }

    /** The events API's entry with this id: a webhook carries the same identity. */
    private static JsonNode eventOf(HttpTestClient api, String caseId, String eventId) {
        for (JsonNode event :
                api.get("/api/v1/cases/" + caseId + "/events").json().path("events")) {
            if (event.path("event_id").asText().equals(eventId)) {
                return event;
            }
        }
        throw new AssertionError("no event " + eventId + " in the events of " + caseId);
    }
}
