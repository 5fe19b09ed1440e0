package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthWithoutDatabaseTest {
    @Test
    void healthAnswers503InTheEnvelopeWhenTheDatabaseIsGone(@TempDir Path dataDirectory) {
        TestDatabase database = TestDatabase.create();
        try (KlarefiServer server = TestServers.start(database, dataDirectory, Map.of("KLAREFI_ROLES", "api"))) {
            HttpTestClient api = HttpTestClient.local(server.port());
            assertThat(api.get("/api/v1/health").status()).isEqualTo(200);

            database.close();

            HttpTestClient.Response response = api.get("/api/v1/health");
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.error().path("type").asText()).isEqualTo("service_unavailable");
            assertThat(response.error().path("code").asText()).isEqualTo("database_unavailable");
            assertThat(response.error().path("request_id").asText())
                    .isEqualTo(response.header("Request-Id").orElseThrow());
        }
    }
}
