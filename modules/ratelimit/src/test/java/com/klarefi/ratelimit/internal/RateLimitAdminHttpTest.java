package com.klarefi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.HttpSurface;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.RequestGuard;
import com.klarefi.platform.http.Route;
import com.klarefi.platform.json.Json;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;
import com.klarefi.testing.TestClock;
import com.klarefi.testing.TestDatabase;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API over a real socket, through the same HTTP surface the server uses. */
class RateLimitAdminHttpTest {
    private static TestDatabase testDatabase;
    private static Database database;
    private static RateLimitFacade rateLimits;
    private static WebServer server;

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
        database.migrate("ratelimit");
        rateLimits = new RateLimitFacade(
                database, TestClock.atStartOfAMinute(), 100, LeasePolicy.standard(), new JsonBodies(1 << 16));
        ApiRoutes admin = new ApiRoutes("/admin/v1", Route.Access.ADMIN);
        rateLimits.adminRoutes(admin);
        HttpSurface surface = new HttpSurface("admin", RequestGuard.NONE);
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(rules -> surface.configure(rules, admin))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        database.close();
        testDatabase.close();
    }

    @Test
    void anOrganisationWithoutItsOwnLimitReportsTheDefault() throws IOException {
        Reply response = send("GET", "org_plain", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.read(response.body()))
                .isEqualTo(Json.read(
                        "{\"organisation_id\":\"org_plain\",\"requests_per_minute\":100,\"source\":\"default\"}"));
    }

    @Test
    void aLimitSetThroughTheAdminApiIsReadBackAndApplied() throws IOException {
        Reply put = send("PUT", "org_big", "{\"requests_per_minute\": 500}");
        Reply get = send("GET", "org_big", null);

        assertThat(put.status()).isEqualTo(200);
        assertThat(Json.read(get.body()).get("requests_per_minute").asInt()).isEqualTo(500);
        assertThat(Json.read(get.body()).get("source").asText()).isEqualTo("organisation");
        assertThat(rateLimits.acquire("org_big").limit()).isEqualTo(500);
    }

    @Test
    void deletingTheLimitFallsBackToTheDefault() throws IOException {
        send("PUT", "org_reset", "{\"requests_per_minute\": 7}");

        Reply deleted = send("DELETE", "org_reset", null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(Json.read(send("GET", "org_reset", null).body())
                        .get("requests_per_minute")
                        .asInt())
                .isEqualTo(100);
    }

    @Test
    void limitsThatAreNotPositiveWholeNumbersAreRefused() throws IOException {
        assertValidationError(send("PUT", "org_x", "{\"requests_per_minute\": 0}"), "invalid_field");
        assertValidationError(send("PUT", "org_x", "{\"requests_per_minute\": 2.5}"), "invalid_field");
        assertValidationError(send("PUT", "org_x", "{\"requests_per_minute\": \"100\"}"), "invalid_field");
        assertValidationError(send("PUT", "org_x", "{\"requests_per_minute\": 99999999999}"), "invalid_field");
        assertValidationError(send("PUT", "org_x", "{}"), "missing_field");
        assertThat(rateLimits.limitOf("org_x").source()).isEqualTo("default");
    }

    @Test
    void malformedOrganisationIdsAreRefused() throws IOException {
        assertValidationError(send("GET", "org%20x", null), "invalid_organisation_id");
    }

    private static void assertValidationError(Reply response, String code) {
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = Json.read(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("validation_error");
        assertThat(error.get("code").asText()).isEqualTo(code);
    }

    private record Reply(int status, String body) {}

    private static Reply send(String method, String orgId, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + server.port() + "/admin/v1/organisations/" + orgId + "/rate-limit")
                        .toURL()
                        .openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Reply(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }
}
