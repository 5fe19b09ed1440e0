package com.klarefi.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses of every public endpoint, successes and errors, checked against the schemas the
 * served OpenAPI document gives for that path, method and status: the document must describe what
 * the code sends.
 */
class OpenApiResponsesTest {
    private record Exchange(String method, String path, HttpTestClient.Response response) {}

    @Test
    void everyResponseMatchesItsDocumentedSchema(@TempDir Path dataDirectory) throws Exception {
        HttpServer documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] text =
                "Schadeformulier\nDatum ongeval: 3 februari 2023\nKenteken: GV-123-K\nIBAN: NL91 ABNA 0417 1643 00\n"
                        .getBytes(StandardCharsets.UTF_8);
        documents.createContext("/claim.txt", exchange -> {
            exchange.sendResponseHeaders(200, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        documents.start();
        List<Exchange> exchanges = new ArrayList<>();
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database, dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            HttpTestClient anonymous = HttpTestClient.local(server.port());
            HttpTestClient api =
                    anonymous.bearer(server.newOrganisation("Spec BV").get("test"));
            JsonNode spec = anonymous.get("/api/v1/openapi.json").json();

            record(exchanges, "GET", "/health", anonymous.get("/api/v1/health"));
            record(exchanges, "GET", "/me", api.get("/api/v1/me"));
            record(exchanges, "GET", "/me", anonymous.get("/api/v1/me"));
            String url = "http://127.0.0.1:" + documents.getAddress().getPort() + "/claim.txt";
            HttpTestClient.Response accepted = api.post(
                    "/api/v1/process",
                    Map.of(
                            "document_url",
                            url,
                            "case_type_id",
                            "motor_claim",
                            "idempotency_key",
                            UUID.randomUUID().toString(),
                            "trace_id",
                            "t-1"));
            record(exchanges, "POST", "/process", accepted);
            record(exchanges, "POST", "/process", api.post("/api/v1/process", Map.of("case_type_id", "motor_claim")));
            String caseId = accepted.json().path("case_id").asText();
            String docId = accepted.json().path("doc_id").asText();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "processed"
                            .equals(api.get("/api/v1/cases/" + caseId)
                                    .json()
                                    .path("status")
                                    .asText()));
            record(exchanges, "GET", "/cases/{case_id}", api.get("/api/v1/cases/" + caseId));
            record(exchanges, "GET", "/cases/{case_id}/events", api.get("/api/v1/cases/" + caseId + "/events?limit=2"));
            record(
                    exchanges,
                    "GET",
                    "/documents/{doc_id}/pages/{page_index}",
                    api.get("/api/v1/documents/" + docId + "/pages/0"));
            HttpTestClient.Response erased = api.delete("/api/v1/documents/" + docId);
            record(exchanges, "DELETE", "/documents/{doc_id}", erased);
            record(exchanges, "DELETE", "/documents/{doc_id}", api.delete("/api/v1/documents/" + docId));
            String auditId =
                    erased.json().path("erasure_receipt").path("audit_id").asText();
            record(exchanges, "GET", "/erasures/{audit_id}", api.get("/api/v1/erasures/" + auditId));
            Map<String, String> throttled = server.newOrganisation("Throttled BV");
            HttpTestClient.local(server.adminPort())
                    .bearer(server.adminToken())
                    .put(
                            "/admin/v1/organisations/" + throttled.get("org_id") + "/rate-limit",
                            Map.of("requests_per_minute", 1));
            HttpTestClient slow = anonymous.bearer(throttled.get("test"));
            HttpTestClient.Response limited = slow.get("/api/v1/me");
            for (int i = 0; i < 10 && limited.status() != 429; i++) {
                limited = slow.get("/api/v1/me");
            }
            record(exchanges, "GET", "/me", limited);

            SchemaValidator validator = new SchemaValidator(spec);
            List<String> problems = new ArrayList<>();
            for (Exchange exchange : exchanges) {
                problems.addAll(check(spec, validator, exchange));
            }
            assertThat(problems).isEmpty();
            assertThat(exchanges)
                    .extracting(exchange -> exchange.response().status())
                    .contains(200, 201, 400, 401, 404, 429);
        } finally {
            documents.stop(0);
        }
    }

    private static void record(List<Exchange> exchanges, String method, String path, HttpTestClient.Response response) {
        exchanges.add(new Exchange(method, path, response));
    }

    private static List<String> check(JsonNode spec, SchemaValidator validator, Exchange exchange) {
        String where = exchange.method() + " " + exchange.path() + " -> "
                + exchange.response().status();
        JsonNode operation =
                spec.path("paths").path(exchange.path()).path(exchange.method().toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(where + ": operation not documented");
        }
        JsonNode response = operation
                .path("responses")
                .path(Integer.toString(exchange.response().status()));
        if (response.has("$ref")) {
            String[] parts = response.path("$ref").asText().substring(2).split("/");
            response = spec;
            for (String part : parts) {
                response = response.path(part);
            }
        }
        if (response.isMissingNode()) {
            return List.of(where + ": status not documented");
        }
        List<String> problems = new ArrayList<>();
        if (exchange.response().header("Request-Id").isEmpty()) {
            problems.add(where + ": no Request-Id header");
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            JsonNode body = Json.read(exchange.response().body());
            validator.validate(body, schema).forEach(problem -> problems.add(where + ": " + problem));
        }
        return problems;
    }
}
