package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.config.SettingsException;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlarefiServerTest {
    private static TestDatabase database;
    private static KlarefiServer server;
    private static HttpTestClient api;
    private static HttpTestClient admin;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) {
        database = TestDatabase.create();
        server = TestServers.start(database, dataDirectory, Map.of());
        api = HttpTestClient.local(server.port());
        admin = HttpTestClient.local(server.adminPort());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void healthAnswersOkWhileTheDatabaseAnswers() {
        HttpTestClient.Response response = api.get("/api/v1/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.header("Request-Id")).get().asString().startsWith("req_");
    }

    @Test
    void theAdminSurfaceListensOnItsOwnPort() {
        assertThat(server.adminPort()).isNotEqualTo(server.port());
        assertThat(admin.get("/admin/v1/health").status()).isEqualTo(200);
        assertThat(api.get("/admin/v1/health").status()).isEqualTo(404);
    }

    @Test
    void theAdminSurfaceServesMetricsLivenessAndReadinessWithoutAToken() {
        api.get("/api/v1/health");
        api.get("/api/v1/does-not-exist");

        HttpTestClient.Response metrics = admin.get("/admin/v1/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).get().asString().startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .contains("# TYPE klarefi_http_requests_total counter")
                .contains(
                        "klarefi_http_requests_total{surface=\"api\",method=\"GET\",route=\"/api/v1/health\",status=\"200\"}")
                .contains(
                        "klarefi_http_request_duration_seconds_bucket{surface=\"api\",route=\"(unmatched)\",le=\"+Inf\"}")
                .contains("klarefi_jobs{state=\"enqueued\"}");
        assertThat(admin.get("/admin/v1/health/live").status()).isEqualTo(200);
        assertThat(admin.get("/admin/v1/health/ready").body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void unknownRoutesAnswerTheEnvelope() {
        HttpTestClient.Response response = api.get("/api/v1/does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error().path("type").asText()).isEqualTo("not_found");
        assertThat(response.error().path("request_id").asText())
                .isEqualTo(response.header("Request-Id").orElseThrow());
    }

    @Test
    void everyModuleMigratedItsOwnSchema() throws Exception {
        List<String> expected =
                List.of("auth", "ratelimit", "cases", "processing", "webhooks", "erasure", "intake", "jobrunr");
        try (var connection = database.connect();
                var rows = connection.createStatement().executeQuery("SELECT nspname FROM pg_namespace")) {
            Set<String> schemas = new HashSet<>();
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
            assertThat(schemas).containsAll(expected);
        }
    }

    @Test
    void productionModeRefusesToStartWithoutItsSecretsAndNamesTheMissingOne(@TempDir Path elsewhere) {
        var settings = TestServers.settings(database, elsewhere, Map.of("KLAREFI_MODE", "production"));

        assertThatThrownBy(() -> KlarefiServer.start(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("KLAREFI_SECRET_KEY");
    }

    @Test
    void anUnknownRoleIsRefusedByName(@TempDir Path elsewhere) {
        var settings = TestServers.settings(database, elsewhere, Map.of("KLAREFI_ROLES", "api,worker"));

        assertThatThrownBy(() -> KlarefiServer.start(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("KLAREFI_ROLES");
    }
}
