package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every id-taking endpoint of the public API, tried with real ids of one organisation's test
 * environment: its own test key reads them; its live key and another organisation's key get the
 * same 404 as for an id that never existed, so not even the existence of an id leaks. Refused
 * document and webhook URLs in every notation are covered by the address-rule tests.
 */
class CrossTenantAccessTest {
    private static ApiInstance instance;
    private static DocumentServer documents;
    private static HttpTestClient owner;
    private static HttpTestClient ownerLive;
    private static HttpTestClient stranger;
    private static Ids ids;

    private record Ids(String caseId, String docId, String erasedDocId, String auditId, String sessionId) {}

    private record Call(String method, String path, Map<String, Object> body) {
        HttpTestClient.Response by(HttpTestClient client) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "DELETE" -> client.delete(path);
                default -> client.post(path, body);
            };
        }
    }

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        instance = ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        documents = instance.documents();
        ApiInstance.Organisation ownerOrganisation = instance.newOrganisation("Owner");
        owner = ownerOrganisation.test();
        ownerLive = ownerOrganisation.live();
        stranger = instance.newOrganisation("Stranger").test();
        ids = createOwnersData();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void everyIdTakingEndpointAnswers404ToTheOtherEnvironmentAndToOtherOrganisations() {
        for (Call call : idTakingCalls()) {
            for (HttpTestClient outsider : List.of(ownerLive, stranger)) {
                HttpTestClient.Response refused = call.by(outsider);
                assertThat(refused.status())
                        .as("%s %s by an outsider: %s", call.method(), call.path(), refused.body())
                        .isEqualTo(404);
                assertThat(refused.error().path("type").asText()).isEqualTo("not_found");
                assertThat(refused.body()).doesNotContain("Owner");
            }
        }
    }

    @Test
    void theOwnersTestKeyReachesTheSameIdsSoThe404sAreAboutAccess() {
        for (Call call : idTakingCalls()) {
            if (!call.method().equals("GET")) {
                continue;
            }
            HttpTestClient.Response read = call.by(owner);
            assertThat(read.status())
                    .as("%s %s by the owner: %s", call.method(), call.path(), read.body())
                    .isEqualTo(200);
        }
    }

    @Test
    void anOutsidersAnswerForARealIdIsTheAnswerForAnIdThatNeverExisted() {
        HttpTestClient.Response real = stranger.get("/api/v1/cases/" + ids.caseId());
        HttpTestClient.Response invented = stranger.get("/api/v1/cases/case_neverexisted00000000000");

        assertThat(real.status()).isEqualTo(invented.status());
        assertThat(real.error().path("code").asText())
                .isEqualTo(invented.error().path("code").asText());
    }

    @Test
    void anotherOrganisationsIdempotencyKeyIsNotReplayedAcrossOrganisations() {
        String key = "shared-key-" + UUID.randomUUID();
        JsonNode mine = submit(owner, documents.put("mine-" + key, text("Eerste"), "text/plain"), key);
        JsonNode theirs = submit(stranger, documents.put("theirs-" + key, text("Tweede"), "text/plain"), key);

        assertThat(theirs.path("doc_id").asText())
                .isNotEqualTo(mine.path("doc_id").asText());
        assertThat(theirs.path("idempotent_replay").asBoolean()).isFalse();
    }

    private static List<Call> idTakingCalls() {
        return List.of(
                new Call("GET", "/api/v1/cases/" + ids.caseId(), null),
                new Call("GET", "/api/v1/cases/" + ids.caseId() + "/events", null),
                new Call("GET", "/api/v1/cases/" + ids.caseId() + "/events?after_cursor=1&limit=5", null),
                new Call("GET", "/api/v1/documents/" + ids.docId() + "/pages/0", null),
                new Call("GET", "/api/v1/erasures/" + ids.auditId(), null),
                new Call("GET", "/api/v1/sessions/" + ids.sessionId(), null),
                new Call("POST", "/api/v1/sessions/" + ids.sessionId() + "/cancel", Map.of()),
                new Call("DELETE", "/api/v1/documents/" + ids.docId(), null));
    }

    private static Ids createOwnersData() {
        String external = "tenant-" + UUID.randomUUID();
        JsonNode kept = submitTo(external, documents.put("kept.txt", text("Polisnummer AB-123"), "text/plain"));
        JsonNode erased = submitTo(external, documents.put("erased.txt", text("Polisnummer CD-456"), "text/plain"));
        String caseId = kept.path("case_id").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get("/api/v1/cases/" + caseId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("processed"));
        HttpTestClient.Response erasure =
                owner.delete("/api/v1/documents/" + erased.path("doc_id").asText());
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        HttpTestClient.Response session = owner.post(
                "/api/v1/sessions",
                Map.of(
                        "case_type_id",
                        "motor_claim",
                        "idempotency_key",
                        UUID.randomUUID().toString()));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return new Ids(
                caseId,
                kept.path("doc_id").asText(),
                erased.path("doc_id").asText(),
                erasure.json().path("erasure_receipt").path("audit_id").asText(),
                session.json().path("session_id").asText());
    }

    private static JsonNode submitTo(String externalCaseId, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document_url", url);
        body.put("case_type_id", "motor_claim");
        body.put("idempotency_key", UUID.randomUUID().toString());
        body.put("external_case_id", externalCaseId);
        HttpTestClient.Response response = owner.post("/api/v1/process", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode submit(HttpTestClient client, String url, String idempotencyKey) {
        HttpTestClient.Response response = client.post(
                "/api/v1/process",
                Map.of("document_url", url, "case_type_id", "motor_claim", "idempotency_key", idempotencyKey));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static byte[] text(String line) {
        return (line + "\nDatum: 3 februari 2023\n").repeat(4).getBytes(StandardCharsets.UTF_8);
    }
}
