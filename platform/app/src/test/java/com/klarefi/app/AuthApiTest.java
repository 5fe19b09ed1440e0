package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys, environments and the admin API, through the real HTTP server and database. */
class AuthApiTest {
    private static TestDatabase database;
    private static KlarefiServer server;
    private static KlarefiServer otherInstance;
    private static HttpTestClient api;
    private static HttpTestClient admin;

    @BeforeAll
    static void start(@TempDir Path first, @TempDir Path second) {
        database = TestDatabase.create();
        server = TestServers.start(database, first, Map.of("KLAREFI_AUTH_REFRESH_MILLIS", "200"));
        otherInstance = TestServers.start(database, second, Map.of("KLAREFI_AUTH_REFRESH_MILLIS", "200"));
        api = HttpTestClient.local(server.port());
        admin = HttpTestClient.local(server.adminPort())
                .bearer(server.organisations().createAdminToken("tests"));
    }

    @AfterAll
    static void stop() {
        otherInstance.close();
        server.close();
        database.close();
    }

    @Test
    void meNamesTheOrganisationAndEnvironmentOfEachKey() {
        JsonNode org = createOrganisation("Acme Insurance");

        JsonNode test = api.bearer(org.path("keys").path("test").asText())
                .get("/api/v1/me")
                .json();
        JsonNode live = api.bearer(org.path("keys").path("live").asText())
                .get("/api/v1/me")
                .json();

        assertThat(test.path("org_id").asText()).isEqualTo(org.path("org_id").asText());
        assertThat(test.path("environment").asText()).isEqualTo("test");
        assertThat(live.path("environment").asText()).isEqualTo("live");
        assertThat(org.path("keys").path("test").asText()).matches("sk_test_[0-9A-Za-z]{40}");
        assertThat(org.path("keys").path("live").asText()).matches("sk_live_[0-9A-Za-z]{40}");
    }

    @Test
    void eachWayOfFailingAuthenticationHasItsOwnCode() {
        assertThat(code(api.get("/api/v1/me"))).isEqualTo("missing_api_key");
        assertThat(code(api.send("GET", "/api/v1/me", null, Map.of("Authorization", "Basic abc"))))
                .isEqualTo("malformed_authorization_header");
        assertThat(code(api.send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer"))))
                .isEqualTo("malformed_authorization_header");
        assertThat(code(api.bearer("sk_test_" + "x".repeat(40)).get("/api/v1/me")))
                .isEqualTo("unknown_api_key");
        assertThat(code(api.bearer("not-a-key").get("/api/v1/me"))).isEqualTo("unknown_api_key");

        JsonNode org = createOrganisation("Revoked Ltd");
        String key = org.path("keys").path("test").asText();
        String keyId = org.path("key_ids").path("test").asText();
        assertThat(admin.post("/admin/v1/keys/" + keyId + "/revoke", Map.of()).status())
                .isEqualTo(200);
        HttpTestClient.Response revoked = api.bearer(key).get("/api/v1/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error().path("type").asText()).isEqualTo("authentication_error");
        assertThat(code(revoked)).isEqualTo("revoked_api_key");
    }

    @Test
    void aKeyInUseIsRefusedOnTheRevokingInstanceRightAfterTheRevoke(@TempDir Path data) {
        // A watcher that polls once a minute: only the revoke itself can drop the cached key in time.
        try (KlarefiServer slowWatcher =
                TestServers.start(database, data, Map.of("KLAREFI_AUTH_REFRESH_MILLIS", "60000"))) {
            HttpTestClient client = HttpTestClient.local(slowWatcher.port());
            HttpTestClient slowAdmin = HttpTestClient.local(slowWatcher.adminPort())
                    .bearer(slowWatcher.organisations().createAdminToken("revoking"));
            JsonNode org = slowAdmin
                    .post("/admin/v1/organisations", Map.of("name", "Revoked In Use BV"))
                    .json();
            String key = org.path("keys").path("test").asText();
            assertThat(client.bearer(key).get("/api/v1/me").status())
                    .as("the key works and is cached")
                    .isEqualTo(200);

            assertThat(slowAdmin
                            .post(
                                    "/admin/v1/keys/"
                                            + org.path("key_ids").path("test").asText() + "/revoke",
                                    Map.of())
                            .status())
                    .isEqualTo(200);

            assertThat(code(client.bearer(key).get("/api/v1/me"))).isEqualTo("revoked_api_key");
        }
    }

    @Test
    void aRevokedKeyStopsWorkingOnAnotherInstanceWithinASecondWithoutWaitingForItsPoll(@TempDir Path data) {
        // The other instance polls once a minute: only the notification of the change can reach it in time.
        try (KlarefiServer slowWatcher =
                TestServers.start(database, data, Map.of("KLAREFI_AUTH_REFRESH_MILLIS", "60000"))) {
            JsonNode org = createOrganisation("Notified BV");
            String key = org.path("keys").path("live").asText();
            HttpTestClient onOther = HttpTestClient.local(slowWatcher.port()).bearer(key);
            assertThat(onOther.get("/api/v1/me").status())
                    .as("the key works and is cached there")
                    .isEqualTo(200);

            admin.post("/admin/v1/keys/" + org.path("key_ids").path("live").asText() + "/revoke", Map.of());

            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> onOther.get("/api/v1/me").status() == 401);
            assertThat(code(onOther.get("/api/v1/me"))).isEqualTo("revoked_api_key");
        }
    }

    @Test
    void aRevokedKeyStopsWorkingOnEveryInstanceWithinSeconds() {
        JsonNode org = createOrganisation("Two Instances BV");
        String key = org.path("keys").path("live").asText();
        HttpTestClient onOther = HttpTestClient.local(otherInstance.port()).bearer(key);
        assertThat(onOther.get("/api/v1/me").status()).isEqualTo(200);

        admin.post("/admin/v1/keys/" + org.path("key_ids").path("live").asText() + "/revoke", Map.of());

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onOther.get("/api/v1/me").status() == 401);
        assertThat(code(onOther.get("/api/v1/me"))).isEqualTo("revoked_api_key");
    }

    @Test
    void aRolledKeyKeepsWorkingForItsGracePeriodBesideItsReplacement() {
        JsonNode org = createOrganisation("Rolling BV");
        String oldKey = org.path("keys").path("test").asText();
        String oldId = org.path("key_ids").path("test").asText();

        HttpTestClient.Response rolled = admin.post("/admin/v1/keys/" + oldId + "/roll", Map.of("grace_hours", 1));
        assertThat(rolled.status()).isEqualTo(201);
        String newKey = rolled.json().path("secret").asText();
        assertThat(rolled.json().path("replaces").path("status").asText()).isEqualTo("expiring");
        assertThat(api.bearer(oldKey).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.bearer(newKey)
                        .get("/api/v1/me")
                        .json()
                        .path("environment")
                        .asText())
                .isEqualTo("test");

        String newId = rolled.json().path("key_id").asText();
        admin.post("/admin/v1/keys/" + newId + "/roll", Map.of("grace_hours", 0));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.bearer(newKey).get("/api/v1/me").status() == 401);
        assertThat(code(api.bearer(newKey).get("/api/v1/me"))).isEqualTo("expired_api_key");
    }

    @Test
    void listingKeysNeverShowsTheirSecrets() {
        JsonNode org = createOrganisation("Listing NV");
        String secret = org.path("keys").path("live").asText();

        HttpTestClient.Response keys =
                admin.get("/admin/v1/organisations/" + org.path("org_id").asText() + "/keys");

        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().path("data")).hasSize(2);
        assertThat(keys.body()).doesNotContain(secret).contains("sk_live_..." + secret.substring(secret.length() - 4));
    }

    @Test
    void theAdminApiNeedsAnAdminTokenAndRejectsApiKeys() {
        JsonNode org = createOrganisation("Curious BV");
        HttpTestClient withApiKey = HttpTestClient.local(server.adminPort())
                .bearer(org.path("keys").path("live").asText());

        assertThat(code(HttpTestClient.local(server.adminPort()).get("/admin/v1/organisations")))
                .isEqualTo("missing_admin_token");
        assertThat(code(withApiKey.get("/admin/v1/organisations"))).isEqualTo("unknown_admin_token");
        assertThat(admin.get("/admin/v1/organisations").status()).isEqualTo(200);
    }

    @Test
    void theAdminApiValidatesWhatItIsGiven() {
        assertThat(code(admin.post("/admin/v1/organisations", Map.of("title", "x"))))
                .isEqualTo("missing_name");
        JsonNode org = createOrganisation("Validating BV");
        String keys = "/admin/v1/organisations/" + org.path("org_id").asText() + "/keys";
        assertThat(code(admin.post(keys, Map.of("environment", "staging")))).isEqualTo("invalid_environment");
        assertThat(admin.post(keys, Map.of("environment", "live"))
                        .json()
                        .path("secret")
                        .asText())
                .startsWith("sk_live_");
        assertThat(admin.get("/admin/v1/organisations/org_doesnotexist/keys").status())
                .isEqualTo(404);
    }

    @Test
    void healthNeedsNoKey() {
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/health").header("X-RateLimit-Limit")).isEmpty();
    }

    static JsonNode createOrganisation(String name) {
        HttpTestClient.Response response = admin.post("/admin/v1/organisations", Map.of("name", name));
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static String code(HttpTestClient.Response response) {
        return response.error().path("code").asText();
    }
}
