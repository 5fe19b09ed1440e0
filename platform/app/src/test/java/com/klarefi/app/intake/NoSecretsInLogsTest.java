package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything logged at every level during a full scenario: no API key, secret or document text in it. */
class NoSecretsInLogsTest {
    @Test
    void logsNameIdsButNeverKeysSecretsOrDocumentText(@TempDir Path dataDirectory) throws Exception {
        String secretText = "Vertrouwelijk" + UUID.randomUUID().toString().replace("-", "");
        try (LogCapture logs = LogCapture.start();
                ApiInstance instance =
                        ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            List<String> lines = logs.lines();
            ApiInstance.Organisation quiet = instance.newOrganisation("Quiet BV");
            String adminToken = instance.server().adminToken();
            HttpTestClient api = quiet.test();
            HttpTestClient admin =
                    HttpTestClient.local(instance.server().adminPort()).bearer(adminToken);
            DocumentServer documents = instance.documents();
            HttpTestClient.Response endpoint = admin.post(
                    "/admin/v1/webhooks/endpoints",
                    Map.of(
                            "org_id",
                            quiet.orgId(),
                            "environment",
                            "test",
                            "url",
                            documents.url("hook"),
                            "subscriptions",
                            List.of("document.processed")));
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            String webhookSecret = endpoint.json().path("secret").asText();
            assertThat(webhookSecret).startsWith("whsec_");
            String url = documents.put(
                    "secret.txt",
                    ("Naam: " + secretText + "\nDatum: 3 februari 2023\n")
                            .repeat(3)
                            .getBytes(StandardCharsets.UTF_8),
                    "text/plain");
            String caseId = api.post(
                            "/api/v1/process",
                            Map.of(
                                    "document_url",
                                    url,
                                    "case_type_id",
                                    "motor_claim",
                                    "idempotency_key",
                                    UUID.randomUUID().toString()))
                    .json()
                    .path("case_id")
                    .asText();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "processed"
                            .equals(api.get("/api/v1/cases/" + caseId)
                                    .json()
                                    .path("status")
                                    .asText()));
            api.get("/api/v1/cases/" + caseId);
            HttpTestClient.local(instance.port()).bearer(quiet.testKey() + "x").get("/api/v1/me");
            quiet.live().get("/api/v1/me");

            assertThat(lines).anySatisfy(line -> assertThat(line).contains("klarefi.access"));
            for (String secret :
                    List.of(quiet.testKey(), quiet.liveKey(), adminToken, secretText, url, webhookSecret)) {
                assertThat(lines)
                        .as("a log line contains a secret or document content")
                        .noneMatch(line -> line.contains(secret));
            }
        }
    }
}
