package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances on one database: an API-only instance accepts, a jobs-only instance processes;
 * then two mixed instances share the work. Every document is processed exactly once and JobRunr
 * sees every instance that runs jobs.
 */
class MultiInstanceTest {
    @Test
    void apiOnlyAndJobsOnlyInstancesThenMixedOnesProcessEveryDocumentExactlyOnce(
            @TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
        Map<String, String> common =
                Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8", "KLAREFI_RATE_LIMIT_PER_MINUTE", "100000");
        try (TestDatabase database = TestDatabase.create();
                DocumentServer documents = DocumentServer.start();
                TestServerAccess.Running apiOnly = TestServerAccess.start(database, a, with(common, "api"));
                TestServerAccess.Running jobsOnly = TestServerAccess.start(database, b, with(common, "jobs"))) {
            String key = apiOnly.newOrganisation("Scale BV").get("test");
            HttpTestClient api = HttpTestClient.local(apiOnly.port()).bearer(key);
            assertThat(HttpTestClient.local(jobsOnly.port())
                            .bearer(key)
                            .get("/api/v1/me")
                            .status())
                    .as("a jobs-only instance serves no API")
                    .isEqualTo(404);

            List<String> cases = submit(api, documents, 4);
            awaitProcessedOnce(api, cases);
            assertThat(jobServers(database)).isEqualTo(1);

            try (TestServerAccess.Running mixed = TestServerAccess.start(database, c, with(common, "api,jobs"))) {
                HttpTestClient other = HttpTestClient.local(mixed.port()).bearer(key);
                List<String> more = new ArrayList<>(submit(api, documents, 3));
                more.addAll(submit(other, documents, 3));
                awaitProcessedOnce(other, more);
                assertThat(jobServers(database)).isEqualTo(2);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> common, String roles) {
        Map<String, String> settings = new HashMap<>(common);
        settings.put("KLAREFI_ROLES", roles);
        return settings;
    }

    private static List<String> submit(HttpTestClient api, DocumentServer documents, int count) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "scale-" + UUID.randomUUID() + ".txt";
            String url = documents.put(
                    name,
                    ("Schadeformulier " + name + "\nDatum: 3 februari 2023\n")
                            .repeat(3)
                            .getBytes(StandardCharsets.UTF_8),
                    "text/plain");
            HttpTestClient.Response accepted = api.post(
                    "/api/v1/process",
                    Map.of(
                            "document_url",
                            url,
                            "case_type_id",
                            "motor_claim",
                            "idempotency_key",
                            UUID.randomUUID().toString()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            cases.add(accepted.json().path("case_id").asText());
        }
        return cases;
    }

    private static void awaitProcessedOnce(HttpTestClient api, List<String> cases) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cases.stream()
                        .allMatch(id -> "processed"
                                .equals(api.get("/api/v1/cases/" + id)
                                        .json()
                                        .path("status")
                                        .asText())));
        for (String id : cases) {
            JsonNode events = api.get("/api/v1/cases/" + id + "/events").json().path("events");
            assertThat(events.findValuesAsText("event_type").stream().filter("document.processed"::equals))
                    .hasSize(1);
        }
    }

    private static int jobServers(TestDatabase database) throws Exception {
        try (var connection = database.connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM jobrunr.jobrunr_backgroundjobservers WHERE running = 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
