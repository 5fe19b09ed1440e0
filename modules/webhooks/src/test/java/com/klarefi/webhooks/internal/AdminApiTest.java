package com.klarefi.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Managing endpoints on the admin surface: validation, SSRF rules, catalogue, lifecycle. */
class AdminApiTest {
    private static TestDatabase database;
    private static WebhooksFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        fixture = WebhooksFixture.start(database, Map.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        fixture.receiver.close();
        database.close();
    }

    @Test
    void anEndpointIsCreatedWithAWhsecSecretShownOnceAndReadWithoutIt() {
        JsonNode created = fixture.register("org_admin", "test", "/a", List.of("document.processed", "case.updated"));
        String id = created.path("id").asText();

        JsonNode read = fixture.endpoint(id);

        assertThat(created.path("secret").asText()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(created.path("secret").asText().substring(6)))
                .hasSizeGreaterThanOrEqualTo(24);
        assertThat(read.has("secret")).isFalse();
        assertThat(read.path("status").asText()).isEqualTo("enabled");
        assertThat(read.path("subscriptions").findValuesAsText("version")).containsOnly("v1");
        assertThat(fixture.admin
                        .get("/admin/v1/webhooks/endpoints?org_id=org_admin")
                        .json()
                        .path("endpoints")
                        .findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void theSecretIsStoredEncrypted() throws Exception {
        JsonNode created = fixture.register("org_crypt", "test", "/crypt", List.of("case.updated"));
        try (var connection = database.connect();
                var statement = connection.prepareStatement("SELECT secret FROM webhooks.endpoints WHERE id = ?")) {
            statement.setString(1, created.path("id").asText());
            try (var rows = statement.executeQuery()) {
                rows.next();
                String stored = new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
                assertThat(stored)
                        .doesNotContain("whsec_")
                        .doesNotContain(created.path("secret").asText().substring(6));
            }
        }
    }

    @Test
    void unknownTypesOrVersionsAreRefused() {
        HttpTestClient.Response unknownType = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                fixture.receiver.url("/x"),
                "subscriptions",
                List.of("document.shredded")));
        HttpTestClient.Response unknownVersion = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                fixture.receiver.url("/x"),
                "subscriptions",
                List.of(Map.of("event_type", "document.processed", "version", "v9"))));
        HttpTestClient.Response testOnly = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                fixture.receiver.url("/x"),
                "subscriptions",
                List.of("webhook.test")));

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.error().path("code").asText()).isEqualTo("unknown_event_type");
        assertThat(unknownVersion.error().path("code").asText()).isEqualTo("unknown_event_type");
        assertThat(testOnly.error().path("code").asText()).isEqualTo("invalid_subscriptions");
    }

    @Test
    void urlsFollowTheSsrfRulesAndLiveEndpointsNeedHttps() {
        HttpTestClient.Response metadata = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                "http://169.254.169.254/latest",
                "subscriptions",
                List.of("case.updated")));
        HttpTestClient.Response privateRange = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                "http://10.1.2.3/hook",
                "subscriptions",
                List.of("case.updated")));
        HttpTestClient.Response liveHttp = create(Map.of(
                "org_id",
                "o",
                "environment",
                "live",
                "url",
                fixture.receiver.url("/live"),
                "subscriptions",
                List.of("case.updated")));
        HttpTestClient.Response notHttp = create(Map.of(
                "org_id",
                "o",
                "environment",
                "test",
                "url",
                "ftp://example.com/x",
                "subscriptions",
                List.of("case.updated")));

        assertThat(metadata.error().path("code").asText()).isEqualTo("url_not_allowed");
        assertThat(privateRange.error().path("code").asText()).isEqualTo("url_not_allowed");
        assertThat(liveHttp.error().path("code").asText()).isEqualTo("https_required");
        assertThat(notHttp.error().path("code").asText()).isEqualTo("invalid_url");
    }

    @Test
    void subscriptionsAndUrlCanBeChangedPausedResumedAndTheEndpointDeleted() {
        String id = fixture.register("org_life", "test", "/life", List.of("case.updated"))
                .path("id")
                .asText();

        JsonNode patched = fixture.admin
                .send(
                        "PATCH",
                        "/admin/v1/webhooks/endpoints/" + id,
                        "{\"subscriptions\":[\"document.failed\"],\"description\":\"claims system\"}",
                        Map.of("Content-Type", "application/json"))
                .json();
        JsonNode paused = fixture.admin
                .post("/admin/v1/webhooks/endpoints/" + id + "/pause", "{}")
                .json();
        JsonNode resumed = fixture.admin
                .post("/admin/v1/webhooks/endpoints/" + id + "/resume", "{}")
                .json();
        int deleted = fixture.admin.delete("/admin/v1/webhooks/endpoints/" + id).status();

        assertThat(patched.path("subscriptions").findValuesAsText("event_type")).containsExactly("document.failed");
        assertThat(patched.path("description").asText()).isEqualTo("claims system");
        assertThat(paused.path("status").asText()).isEqualTo("paused");
        assertThat(paused.path("status_reason").asText()).isEqualTo("paused by an operator");
        assertThat(resumed.path("status").asText()).isEqualTo("enabled");
        assertThat(deleted).isEqualTo(200);
        assertThat(fixture.admin.get("/admin/v1/webhooks/endpoints/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void theCatalogueListsEveryTypeWithVersionDescriptionAndSchemaOnBothSurfaces() {
        JsonNode types =
                fixture.admin.get("/admin/v1/webhooks/event-types").json().path("event_types");
        JsonNode publicTypes = fixture.api("org_a", "test")
                .get("/api/v1/webhooks/event-types")
                .json()
                .path("event_types");

        assertThat(types.findValuesAsText("event_type"))
                .contains(
                        "document.received",
                        "document.processed",
                        "document.failed",
                        "case.updated",
                        "endpoint.paused",
                        "webhook.test");
        assertThat(types).allSatisfy(type -> {
            assertThat(type.path("version").asText()).isEqualTo("v1");
            assertThat(type.path("description").asText()).isNotBlank();
            assertThat(type.path("schema").path("type").asText()).isEqualTo("object");
        });
        assertThat(publicTypes).isEqualTo(types);
    }

    private static HttpTestClient.Response create(Map<String, Object> body) {
        return fixture.admin.post("/admin/v1/webhooks/endpoints", body);
    }
}
