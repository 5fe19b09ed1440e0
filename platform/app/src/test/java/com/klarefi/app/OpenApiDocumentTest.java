package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document describes exactly the routes the server has, no more, no fewer. */
class OpenApiDocumentTest {
    private static TestDatabase database;
    private static KlarefiServer server;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) {
        database = TestDatabase.create();
        server = TestServers.start(database, dataDirectory, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        JsonNode document =
                HttpTestClient.local(server.port()).get("/api/v1/openapi.json").json();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");

        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> documented.add(
                                operation.getKey().toUpperCase() + " " + normalise("/api/v1" + path.getKey()))));
        Set<String> served = new TreeSet<>();
        server.apiRoutes().forEach(route -> served.add(route.method().text() + " " + normalise(route.template())));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void theDocumentedWebhooksAreExactlyTheServedEventCatalogue() {
        String key = server.organisations().create("Catalogue BV").testKey().secret();
        HttpTestClient client = HttpTestClient.local(server.port());
        JsonNode document = client.get("/api/v1/openapi.json").json();
        JsonNode catalogue =
                client.bearer(key).get("/api/v1/webhooks/event-types").json();

        Set<String> documented = new TreeSet<>();
        document.path("webhooks").fieldNames().forEachRemaining(documented::add);
        Set<String> served = new TreeSet<>();
        catalogue.findValues("event_type").forEach(type -> served.add(type.asText()));
        Set<String> servedWithVersions = new TreeSet<>();
        for (String name : documented) {
            servedWithVersions.add(name.substring(0, name.lastIndexOf('.')));
        }
        assertThat(servedWithVersions).isEqualTo(served);
    }

    @Test
    void theWebhooksGuideCataloguesEveryServedEventType() {
        String key = server.organisations().create("Guide reader BV").testKey().secret();
        HttpTestClient client = HttpTestClient.local(server.port());
        JsonNode catalogue =
                client.bearer(key).get("/api/v1/webhooks/event-types").json();
        String guide = client.get("/api/v1/docs/webhooks").body();
        String table = guide.substring(guide.indexOf("Event catalogue"));

        assertThat(catalogue.findValues("event_type"))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(table).contains(type.asText()));
    }

    @Test
    void theGuidesAreServedAsHtmlPagesReadableOnAPhone() {
        HttpTestClient client = HttpTestClient.local(server.port());
        for (String name : List.of("api", "webhooks")) {
            HttpTestClient.Response guide = client.get("/api/v1/docs/" + name);

            assertThat(guide.status()).isEqualTo(200);
            assertThat(guide.header("Content-Type")).get().asString().startsWith("text/html");
            assertThat(guide.body())
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .contains("<table>")
                    .contains("<code>")
                    .doesNotContain("| --- |")
                    .doesNotContain("**");
        }
        assertThat(client.get("/api/v1/docs/api").body()).contains("<td><code>idempotency_key_in_use</code>");
        assertThat(client.get("/api/v1/docs/nope").status()).isEqualTo(404);
    }

    /** The interactive reference is Swagger UI from the artifact: every file it loads is served here. */
    @Test
    void theReferencePageLoadsOnlyAssetsServedByThisInstance() {
        HttpTestClient client = HttpTestClient.local(server.port());
        HttpTestClient.Response page = client.get("/api/v1/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body())
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("//cdn");
        Matcher loaded =
                Pattern.compile("(?:src|href)=\"(docs/assets/[^\"]+)\"").matcher(page.body());
        int assets = 0;
        while (loaded.find()) {
            HttpTestClient.Response asset = client.get("/api/v1/" + loaded.group(1));
            assertThat(asset.status()).as(loaded.group(1)).isEqualTo(200);
            assertThat(asset.body()).as(loaded.group(1)).isNotBlank();
            assets++;
        }
        assertThat(assets).isEqualTo(4);
        assertThat(client.get("/api/v1/docs/assets/swagger-ui-bundle.js").body())
                .contains("SwaggerUIBundle");
        assertThat(client.get("/api/v1/docs/assets/..%2Fopenapi.json").status()).isEqualTo(404);
    }

    /** Every path answers other methods with 405, and every body is limited in size and media type. */
    @Test
    void everyOperationDocumentsA405AndEveryOperationWithABodyA413AndA415() {
        JsonNode document =
                HttpTestClient.local(server.port()).get("/api/v1/openapi.json").json();

        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    String name = operation.getKey() + " " + path.getKey();
                    assertThat(responses.has("405")).as(name).isTrue();
                    if (operation.getValue().has("requestBody")) {
                        assertThat(responses.has("413")).as(name).isTrue();
                        assertThat(responses.has("415")).as(name).isTrue();
                    }
                }));
    }

    /** The server refuses empty and over-long ids and URLs; the schema says so, so a validator agrees. */
    @Test
    void requestBodyStringsAreBoundedAsTheServerBoundsThem() {
        JsonNode schemas = HttpTestClient.local(server.port())
                .get("/api/v1/openapi.json")
                .json()
                .path("components")
                .path("schemas");

        for (String body : List.of("ProcessRequest", "SessionRequest")) {
            for (String id : List.of(
                    "idempotency_key",
                    "external_case_id",
                    "external_applicant_id",
                    "external_customer_id",
                    "trace_id")) {
                JsonNode property = schemas.path(body).path("properties").path(id);
                assertThat(property.path("minLength").asInt())
                        .as(body + "." + id)
                        .isEqualTo(1);
                assertThat(property.path("maxLength").asInt())
                        .as(body + "." + id)
                        .isEqualTo(255);
            }
        }
        assertThat(schemas.path("SessionRequest")
                        .path("properties")
                        .path("return_url")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(2048);
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
