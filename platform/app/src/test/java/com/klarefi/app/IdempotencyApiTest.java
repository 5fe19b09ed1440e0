package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.json.Json;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotency through the real server, with a probe endpoint {@code POST /api/v1/widgets} that
 * creates one row per request the way {@code POST /process} creates a case.
 */
class IdempotencyApiTest {
    private static TestDatabase database;
    private static KlarefiServer server;
    private static HttpTestClient test;
    private static HttpTestClient live;

    /** A minimal module whose POST creates a resource inside the idempotent transaction. */
    static final class Widgets implements KlarefiModule {
        private final Platform platform;

        Widgets(Platform platform) {
            this.platform = platform;
            platform.database()
                    .jdbi()
                    .useHandle(
                            handle -> handle.execute(
                                    "CREATE TABLE IF NOT EXISTS public.widgets (id text PRIMARY KEY, org_id text, environment text, name text)"));
        }

        @Override
        public String name() {
            return "widgets";
        }

        @Override
        public void apiRoutes(ApiRoutes routes) {
            routes.post("/widgets", (request, response) -> {
                JsonNode body = platform.jsonBodies().readObject(request);
                if (!body.path("name").isTextual()) {
                    throw ApiException.validation("missing_name", "name is required");
                }
                Caller caller = Caller.of(request);
                platform.idempotency().respond(response, caller, "POST /api/v1/widgets", body, tx -> {
                    String id = Ids.newId("wid");
                    tx.handle()
                            .createUpdate("INSERT INTO public.widgets VALUES (:id, :org, :env, :name)")
                            .bind("id", id)
                            .bind("org", caller.orgId())
                            .bind("env", caller.environment().wireName())
                            .bind("name", body.path("name").asText())
                            .execute();
                    // Hold the transaction open a moment, as real work would, so concurrent retries overlap it.
                    tx.handle().createQuery("SELECT pg_sleep(0.2)").mapToMap().list();
                    ObjectNode result = Json.mapper()
                            .createObjectNode()
                            .put("widget_id", id)
                            .put("status", "created");
                    return new Idempotency.Outcome(201, result);
                });
            });
        }
    }

    @BeforeAll
    static void start(@TempDir Path dataDirectory) {
        database = TestDatabase.create();
        server = KlarefiServer.start(
                TestServers.settings(database, dataDirectory, Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "100000")),
                List.of(Widgets::new));
        var organisation = server.organisations().create("Idempotent BV");
        test = HttpTestClient.local(server.port()).bearer(organisation.testKey().secret());
        live = HttpTestClient.local(server.port()).bearer(organisation.liveKey().secret());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheOriginalResponse() {
        String key = Ids.randomToken(16);
        HttpTestClient.Response original =
                test.post("/api/v1/widgets", "{\"idempotency_key\":\"" + key + "\",\"name\":\"a\"}");
        HttpTestClient.Response replay =
                test.post("/api/v1/widgets", "{ \"name\" : \"a\",\n \"idempotency_key\": \"" + key + "\" }");

        assertThat(original.status()).isEqualTo(201);
        assertThat(original.json().path("idempotent_replay").asBoolean()).isFalse();
        assertThat(original.header("Idempotent-Replayed")).isEmpty();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("idempotent_replay").asBoolean()).isTrue();
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.json().path("widget_id").asText())
                .isEqualTo(original.json().path("widget_id").asText());
        assertThat(widgetsNamed("a")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = Ids.randomToken(16);
        test.post("/api/v1/widgets", Map.of("idempotency_key", key, "name", "b1"));

        HttpTestClient.Response reused = test.post("/api/v1/widgets", Map.of("idempotency_key", key, "name", "b2"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.error().path("type").asText()).isEqualTo("idempotency_error");
        assertThat(reused.error().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(widgetsNamed("b2")).isZero();
    }

    @Test
    void aValidationErrorIsNotStoredSoACorrectedRetryWorks() {
        String key = Ids.randomToken(16);
        assertThat(test.post("/api/v1/widgets", Map.of("idempotency_key", key)).status())
                .isEqualTo(400);

        HttpTestClient.Response corrected = test.post("/api/v1/widgets", Map.of("idempotency_key", key, "name", "c"));

        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.json().path("idempotent_replay").asBoolean()).isFalse();
    }

    @Test
    void theKeyIsRequiredAndBounded() {
        HttpTestClient.Response missing = test.post("/api/v1/widgets", Map.of("name", "d"));
        HttpTestClient.Response empty = test.post("/api/v1/widgets", Map.of("name", "d", "idempotency_key", ""));
        HttpTestClient.Response tooLong =
                test.post("/api/v1/widgets", Map.of("name", "d", "idempotency_key", "k".repeat(256)));
        HttpTestClient.Response notText = test.post("/api/v1/widgets", "{\"name\":\"d\",\"idempotency_key\":42}");

        assertThat(missing.error().path("code").asText()).isEqualTo("missing_idempotency_key");
        assertThat(empty.error().path("code").asText()).isEqualTo("invalid_idempotency_key");
        assertThat(tooLong.error().path("code").asText()).isEqualTo("invalid_idempotency_key");
        assertThat(notText.error().path("code").asText()).isEqualTo("invalid_idempotency_key");
        assertThat(test.post("/api/v1/widgets", Map.of("name", "d", "idempotency_key", "k".repeat(255)))
                        .status())
                .isEqualTo(201);
        assertThat(widgetsNamed("d")).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerEnvironment() {
        String key = Ids.randomToken(16);
        HttpTestClient.Response inTest = test.post("/api/v1/widgets", Map.of("idempotency_key", key, "name", "e"));
        HttpTestClient.Response inLive = live.post("/api/v1/widgets", Map.of("idempotency_key", key, "name", "e"));

        assertThat(inLive.json().path("idempotent_replay").asBoolean()).isFalse();
        assertThat(inLive.json().path("widget_id").asText())
                .isNotEqualTo(inTest.json().path("widget_id").asText());
        assertThat(widgetsNamed("e")).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentIdenticalRequestsCreateExactlyOneResource() throws Exception {
        String body = Json.writeString(Map.of("idempotency_key", Ids.randomToken(16), "name", "f"));
        List<HttpTestClient.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpTestClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> test.post("/api/v1/widgets", body)));
            }
            for (Future<HttpTestClient.Response> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(widgetsNamed("f")).isEqualTo(1);
        List<String> ids = responses.stream()
                .filter(response -> response.status() == 201)
                .map(response -> response.json().path("widget_id").asText())
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isIn(201, 409);
            if (response.status() == 409) {
                assertThat(response.error().path("code").asText()).isEqualTo("idempotency_key_in_use");
                assertThat(response.header("Retry-After")).contains("1");
            }
        });
        assertThat(responses.stream()
                        .filter(response -> response.status() == 201)
                        .filter(response ->
                                !response.json().path("idempotent_replay").asBoolean()))
                .hasSize(1);
    }

    private static int widgetsNamed(String name) {
        try (var connection = database.connect();
                var statement = connection.prepareStatement("SELECT count(*) FROM public.widgets WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
