package com.klarefi.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.HttpTestClient;
import com.klarefi.testing.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint driven through Stoplight Prism's validating proxy, which checks each request and
 * response against the served OpenAPI document and reports what breaks it in {@code sl-violations}.
 * Valid requests must pass with no violation at all; invalid ones must be refused by the service
 * with responses that still match the document (Prism also flags the request, which is the point).
 */
class PrismContractTest {
    private static final Path SPEC = NodeTools.ROOT.resolve("platform/app/src/main/resources/docs/openapi.json");
    private static TestDatabase database;
    private static TestServerAccess.Running server;
    private static NodeTools.Running prism;
    private static HttpTestClient anonymous;
    private static HttpTestClient api;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        assumeTrue(
                NodeTools.installed(), "run scripts/contract/install (needs Node.js and npm) for the contract tests");
        database = TestDatabase.create();
        server = TestServerAccess.start(database, dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        prism = new NodeTools.Running(List.of(
                "node",
                NodeTools.MODULES.resolve("@stoplight/prism-cli/dist/index.js").toString(),
                "proxy",
                SPEC.toString(),
                "http://127.0.0.1:" + server.port() + "/api/v1",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port)));
        prism.awaitLine(line -> line.contains("Prism is listening"), Duration.ofSeconds(60));
        anonymous = HttpTestClient.local(port);
        api = anonymous.bearer(server.newOrganisation("Contract BV").get("test"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prism != null) {
            prism.close();
            server.close();
            database.close();
        }
    }

    @Test
    void validRequestsToEveryEndpointPassWithoutAViolation() {
        List<String> found = new ArrayList<>();
        valid(found, anonymous.get("/health"));
        valid(found, api.get("/me"));
        JsonNode accepted = valid(
                        found,
                        api.post(
                                "/process",
                                Map.of(
                                        "document_url",
                                        "http://[::1]:1/claim.pdf",
                                        "case_type_id",
                                        "motor_claim",
                                        "idempotency_key",
                                        UUID.randomUUID().toString(),
                                        "external_case_id",
                                        "claim-1",
                                        "trace_id",
                                        "trace-1")))
                .json();
        String caseId = accepted.path("case_id").asText();
        String docId = accepted.path("doc_id").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/cases/" + caseId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("failed"));
        valid(found, api.get("/cases/" + caseId));
        valid(found, api.get("/cases/" + caseId + "/events"));
        valid(found, api.get("/cases/" + caseId + "/events?after_cursor=1&limit=2"));
        valid(found, api.get("/documents/" + docId + "/pages/0"));
        JsonNode receipt = valid(found, api.delete("/documents/" + docId)).json();
        valid(
                found,
                api.get("/erasures/"
                        + receipt.path("erasure_receipt").path("audit_id").asText()));
        valid(found, api.get("/documents/" + docId + "/pages/0"));
        JsonNode session = valid(
                        found,
                        api.post(
                                "/sessions",
                                Map.of(
                                        "case_type_id",
                                        "motor_claim",
                                        "idempotency_key",
                                        UUID.randomUUID().toString(),
                                        "ttl_hours",
                                        2.0,
                                        "locale",
                                        "en",
                                        "return_url",
                                        "https://crm.example/back")))
                .json();
        valid(found, api.get("/sessions/" + session.path("session_id").asText()));
        valid(found, api.send("POST", "/sessions/" + session.path("session_id").asText() + "/cancel", null, Map.of()));
        valid(
                found,
                api.post(
                        "/webhooks/test",
                        Map.of(
                                "endpoint_url",
                                "http://127.0.0.1:1/hook",
                                "signing_secret",
                                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
        valid(found, api.get("/webhooks/event-types"));
        valid(found, anonymous.get("/openapi.json"));
        valid(found, anonymous.get("/docs"));
        valid(found, anonymous.get("/docs/api"));
        valid(found, anonymous.get("/docs/assets/docs.css"));

        assertThat(found).isEmpty();
    }

    @Test
    void invalidRequestsAreRefusedWithResponsesTheDocumentDescribes() {
        List<String> found = new ArrayList<>();
        invalid(found, api.post("/process", Map.of("case_type_id", "motor_claim")), 400);
        invalid(
                found,
                api.post(
                        "/process",
                        Map.of(
                                "document_url",
                                "https://a.example/x.pdf",
                                "case_type_id",
                                "motor_claim",
                                "idempotency_key",
                                "k",
                                "webhook_url",
                                "https://hooks.example/")),
                400);
        invalid(
                found,
                api.post(
                        "/process",
                        Map.of(
                                "document_url",
                                "https://a.example/x.pdf",
                                "case_type_id",
                                "motor_claim",
                                "idempotency_key",
                                "k",
                                "external_case_id",
                                "")),
                400);
        invalid(found, api.send("POST", "/process", "a=b", Map.of("Content-Type", "text/plain")), 415);
        invalid(
                found,
                api.post("/sessions", Map.of("case_type_id", "motor_claim", "idempotency_key", "k", "ttl_hours", 0.5)),
                400);
        invalid(
                found,
                api.post(
                        "/webhooks/test", Map.of("endpoint_url", "http://127.0.0.1:1/hook", "signing_secret", "plain")),
                400);
        invalid(found, api.get("/cases/case_nope"), 404);
        String caseId = api.post(
                        "/process",
                        Map.of(
                                "document_url",
                                "http://[::1]:1/claim.pdf",
                                "case_type_id",
                                "motor_claim",
                                "idempotency_key",
                                UUID.randomUUID().toString()))
                .json()
                .path("case_id")
                .asText();
        invalid(found, api.get("/cases/" + caseId + "/events?after_cursor=1.5"), 400);
        invalid(found, api.send("DELETE", "/me", null, Map.of()), 405);
        invalid(found, anonymous.get("/me"), 401);
        invalid(found, anonymous.bearer("sk_test_" + "x".repeat(40)).get("/me"), 401);

        assertThat(found).isEmpty();
    }

    private static HttpTestClient.Response valid(List<String> found, HttpTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isLessThan(500);
        violations(response).forEach(violation -> found.add(response.status() + " " + violation));
        return response;
    }

    private static void invalid(List<String> found, HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        violations(response).stream()
                .filter(violation -> violation.path("location").path(0).asText().equals("response"))
                .forEach(violation -> found.add(status + " " + violation));
    }

    private static List<JsonNode> violations(HttpTestClient.Response response) {
        List<JsonNode> list = new ArrayList<>();
        response.header("sl-violations").ifPresent(header -> Json.read(header).forEach(list::add));
        return list;
    }
}
