package com.klarefi.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries as an integrator's receiver sees them: a Node.js receiver verifies every request with
 * the npm package {@code standardwebhooks}, and one of its endpoints answers HTTP/1.0 with a body
 * ended by closing the connection. Every delivery verifies and succeeds at its first attempt, and
 * the test event reports that receiver's 200.
 */
class StandardWebhooksReceiverTest {
    @Test
    void everyDeliveryVerifiesWithTheNpmLibraryIncludingToAnHttp10Receiver(@TempDir Path dataDirectory)
            throws Exception {
        assumeTrue(
                NodeTools.installed(), "run scripts/contract/install (needs Node.js and npm) for the contract tests");
        try (NodeTools.Running receiver = new NodeTools.Running(List.of("node", "scripts/contract/receiver.cjs"));
                TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database, dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            int port = Json.read(receiver.awaitLine(line -> line.startsWith("{\"port\""), Duration.ofSeconds(20)))
                    .path("port")
                    .asInt();
            HttpTestClient hooks = HttpTestClient.local(port);
            Map<String, String> keys = server.newOrganisation("Receiver BV");
            HttpTestClient admin = HttpTestClient.local(server.adminPort()).bearer(server.adminToken());
            List<String> paths = List.of("/modern/all", "/http10/all");
            for (String path : paths) {
                JsonNode endpoint = admin.post(
                                "/admin/v1/webhooks/endpoints",
                                Map.of(
                                        "org_id",
                                        keys.get("org_id"),
                                        "environment",
                                        "test",
                                        "url",
                                        "http://127.0.0.1:" + port + path,
                                        "subscriptions",
                                        List.of(
                                                "document.received",
                                                "document.processed",
                                                "document.failed",
                                                "case.updated",
                                                "document.erased")))
                        .json();
                hooks.send(
                        "POST",
                        "/_secret" + path,
                        endpoint.path("secret").asText(),
                        Map.of("Content-Type", "text/plain"));
            }

            HttpTestClient api = HttpTestClient.local(server.port()).bearer(keys.get("test"));
            // Loopback over IPv6 is not an allowed range: the document fails at once, three events (received, failed,
            // case updated).
            api.post(
                    "/api/v1/process",
                    Map.of(
                            "document_url",
                            "http://[::1]:1/missing.pdf",
                            "case_type_id",
                            "motor_claim",
                            "idempotency_key",
                            UUID.randomUUID().toString()));
            String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            hooks.send("POST", "/_secret/http10/test", secret, Map.of("Content-Type", "text/plain"));
            JsonNode test = api.post(
                            "/api/v1/webhooks/test",
                            Map.of(
                                    "endpoint_url",
                                    "http://127.0.0.1:" + port + "/http10/test",
                                    "signing_secret",
                                    secret))
                    .json();

            assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
            assertThat(test.path("status_code").asInt()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode report = hooks.get("/_report").json();
                for (String path : paths) {
                    assertThat(report.findValues("path").stream()
                                    .filter(p -> p.asText().equals(path))
                                    .count())
                            .as(path)
                            .isGreaterThanOrEqualTo(3);
                }
            });
            JsonNode report = hooks.get("/_report").json();
            report.forEach(delivery -> assertThat(delivery.path("verified").asBoolean())
                    .as(delivery.toString())
                    .isTrue());
            for (String path : paths) {
                String url = "http://127.0.0.1:" + port + path;
                JsonNode endpoints = admin.get(
                                "/admin/v1/webhooks/endpoints?org_id=" + keys.get("org_id") + "&environment=test")
                        .json();
                for (JsonNode endpoint : endpoints.path("endpoints")) {
                    if (endpoint.path("url").asText().equals(url)) {
                        JsonNode deliveries = admin.get("/admin/v1/webhooks/endpoints/"
                                        + endpoint.path("id").asText() + "/deliveries")
                                .json()
                                .path("deliveries");
                        deliveries.forEach(delivery -> {
                            assertThat(delivery.path("status").asText())
                                    .as(path + " " + delivery)
                                    .isEqualTo("succeeded");
                            assertThat(delivery.path("attempts").asInt())
                                    .as(path + " " + delivery)
                                    .isEqualTo(1);
                        });
                    }
                }
            }
        }
    }
}
