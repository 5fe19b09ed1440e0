package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-organisation limit through the real API, with two instances on one database: together
 * they never accept more than the limit in a window, and one organisation never throttles another.
 */
class RateLimitApiTest {
    private static final int LIMIT = 30;
    private static TestDatabase database;
    private static KlarefiServer first;
    private static KlarefiServer second;
    private static HttpTestClient admin;

    @BeforeAll
    static void start(@TempDir Path one, @TempDir Path two) {
        database = TestDatabase.create();
        Map<String, String> settings = Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT));
        first = TestServers.start(database, one, settings);
        second = TestServers.start(database, two, settings);
        admin = HttpTestClient.local(first.adminPort()).bearer(first.organisations().createAdminToken("tests"));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        database.close();
    }

    @Test
    void twoInstancesTogetherAcceptExactlyTheLimitAndThenAnswer429WithHeaders() {
        awayFromTheMinuteBoundary();
        String key = newOrganisationKey();
        HttpTestClient a = HttpTestClient.local(first.port()).bearer(key);
        HttpTestClient b = HttpTestClient.local(second.port()).bearer(key);

        int accepted = 0;
        HttpTestClient.Response lastRefusal = null;
        for (int i = 0; i < LIMIT + 10; i++) {
            HttpTestClient.Response response = (i % 2 == 0 ? a : b).get("/api/v1/me");
            if (response.status() == 200) {
                accepted++;
                assertThat(response.header("X-RateLimit-Limit")).contains(Integer.toString(LIMIT));
                assertThat(response.header("X-RateLimit-Remaining")).isPresent();
            } else {
                lastRefusal = response;
            }
        }

        assertThat(accepted).isEqualTo(LIMIT);
        assertThat(lastRefusal).isNotNull();
        assertThat(lastRefusal.status()).isEqualTo(429);
        assertThat(lastRefusal.error().path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(Integer.parseInt(lastRefusal.header("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(1);
        assertThat(lastRefusal.header("X-RateLimit-Remaining")).contains("0");
        long reset = Long.parseLong(lastRefusal.header("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isGreaterThan(Instant.now().getEpochSecond()).isLessThanOrEqualTo(Instant.now().getEpochSecond() + 60);
    }

    @Test
    void oneOrganisationsExhaustionDoesNotThrottleAnother() {
        awayFromTheMinuteBoundary();
        HttpTestClient busy = HttpTestClient.local(first.port()).bearer(newOrganisationKey());
        HttpTestClient quiet = HttpTestClient.local(first.port()).bearer(newOrganisationKey());
        for (int i = 0; i < LIMIT + 1; i++) {
            busy.get("/api/v1/me");
        }

        assertThat(busy.get("/api/v1/me").status()).isEqualTo(429);
        assertThat(quiet.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void healthIsNeverRateLimited() {
        HttpTestClient anonymous = HttpTestClient.local(first.port());
        for (int i = 0; i < LIMIT * 2; i++) {
            assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        }
    }

    private static String newOrganisationKey() {
        JsonNode org = admin.post("/admin/v1/organisations", Map.of("name", "Busy BV")).json();
        return org.path("keys").path("test").asText();
    }

    /** Windows are aligned to the minute; a test that straddles one would see two budgets. */
    private static void awayFromTheMinuteBoundary() {
        org.awaitility.Awaitility.await("a fresh minute window").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() % 60 <= 45);
    }
}
