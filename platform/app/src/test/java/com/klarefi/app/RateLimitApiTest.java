package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
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
        admin = HttpTestClient.local(first.adminPort())
                .bearer(first.organisations().createAdminToken("tests"));
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
        assertThat(Integer.parseInt(lastRefusal.header("Retry-After").orElseThrow()))
                .isGreaterThanOrEqualTo(1);
        assertThat(lastRefusal.header("X-RateLimit-Remaining")).contains("0");
        long reset = Long.parseLong(lastRefusal.header("X-RateLimit-Reset").orElseThrow());
        assertThat(reset)
                .isGreaterThan(Instant.now().getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().getEpochSecond() + 60);
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
    void aWrongMethodWithAValidKeyIsCountedAndCarriesTheHeaders() {
        awayFromTheMinuteBoundary();
        HttpTestClient client = HttpTestClient.local(first.port()).bearer(newOrganisationKey());
        int before = Integer.parseInt(
                client.get("/api/v1/me").header("X-RateLimit-Remaining").orElseThrow());

        HttpTestClient.Response wrongMethod = client.delete("/api/v1/me");

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("X-RateLimit-Limit")).contains(Integer.toString(LIMIT));
        assertThat(wrongMethod.header("X-RateLimit-Remaining")).contains(Integer.toString(before - 1));
        assertThat(wrongMethod.header("X-RateLimit-Reset")).isPresent();
    }

    /** A request that names no organisation spends nothing; it is told the default policy and its window. */
    @Test
    void anUnauthenticatedRequestIsToldTheDefaultPolicyWithNothingSpent() {
        HttpTestClient.Response unknownKey = HttpTestClient.local(first.port())
                .bearer("sk_test_" + "x".repeat(40))
                .get("/api/v1/me");
        HttpTestClient.Response noKey = HttpTestClient.local(first.port()).get("/api/v1/cases/case_x");

        for (HttpTestClient.Response response : List.of(unknownKey, noKey)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("X-RateLimit-Limit")).contains(Integer.toString(LIMIT));
            assertThat(response.header("X-RateLimit-Remaining")).contains(Integer.toString(LIMIT));
            long reset = Long.parseLong(response.header("X-RateLimit-Reset").orElseThrow());
            assertThat(reset)
                    .isGreaterThan(Instant.now().getEpochSecond() - 1)
                    .isLessThanOrEqualTo(Instant.now().getEpochSecond() + 60);
        }
    }

    @Test
    void healthIsNeverRateLimited() {
        HttpTestClient anonymous = HttpTestClient.local(first.port());
        for (int i = 0; i < LIMIT * 2; i++) {
            assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        }
    }

    private static String newOrganisationKey() {
        JsonNode org =
                admin.post("/admin/v1/organisations", Map.of("name", "Busy BV")).json();
        return org.path("keys").path("test").asText();
    }

    /** Windows are aligned to the minute; a test that straddles one would see two budgets. */
    private static void awayFromTheMinuteBoundary() {
        Awaitility.await("a fresh minute window")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() % 60 <= 45);
    }
}
