package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDPR erasure through the API, proven by searching every row of every table afterwards. */
class ErasureApiTest {
    private static final Path CORPUS = RepositoryFiles.corpus();
    private static ApiInstance instance;
    private static DocumentServer documents;
    private static HttpTestClient test;
    private static HttpTestClient live;
    private static HttpTestClient stranger;
    private static String orgId;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        instance = ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        documents = instance.documents();
        ApiInstance.Organisation acme = instance.newOrganisation("Acme");
        orgId = acme.orgId();
        test = acme.test();
        live = acme.live();
        stranger = instance.newOrganisation("Other").test();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void erasingADocumentLeavesOnlyTheAuditRecordAndRecomputesTheCase() throws Exception {
        assumeTrue(
                Files.isDirectory(CORPUS),
                "the development corpus is neither in KLAREFI_CORPUS nor beside the checkout");
        // A webhook endpoint, so delivery logs hold the document's id too and must be scrubbed.
        HttpTestClient admin = instance.admin();
        HttpTestClient.Response endpoint = admin.post(
                "/admin/v1/webhooks/endpoints",
                Map.of(
                        "org_id",
                        orgId,
                        "environment",
                        "test",
                        "url",
                        documents.url("hook"),
                        "subscriptions",
                        List.of("document.received", "document.processed", "case.updated")));
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        String external = "erase-" + UUID.randomUUID();
        String caseId = null;
        List<String> docIds = new ArrayList<>();
        for (String file : List.of("completed_form.pdf", "email_customer.eml")) {
            JsonNode accepted = submit(
                    documents.putFile("e-" + file, CORPUS.resolve("dev-0001").resolve(file)), external);
            caseId = accepted.path("case_id").asText();
            docIds.add(accepted.path("doc_id").asText());
        }
        JsonNode before = awaitProcessed(caseId, 2);
        String firstDoc = docIds.get(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> everyRowOfEveryTable().stream()
                        .anyMatch(row -> row.startsWith("webhooks.deliveries:") && row.contains(firstDoc)));
        String erased = docIds.get(1);
        String kept = docIds.get(0);
        String erasedText = test.get("/api/v1/documents/" + erased + "/pages/0")
                .json()
                .path("text")
                .asText();
        String keptText = test.get("/api/v1/documents/" + kept + "/pages/0")
                .json()
                .path("text")
                .asText();
        Set<String> evidenceBefore = ids(before, "evidence", "evidence_id");
        Set<String> candidatesBefore = ids(before, "candidates", "candidate_id");
        Set<String> decisionsBefore = decisionIds(before);
        List<String> uniqueQuotes = new ArrayList<>();
        int erasedEvidence = 0;
        for (JsonNode evidence : before.path("features").findValues("evidence")) {
            for (JsonNode item : evidence) {
                if (item.path("doc_id").asText().equals(erased)) {
                    erasedEvidence++;
                    if (!keptText.contains(item.path("quote").asText())) {
                        uniqueQuotes.add(item.path("quote").asText());
                    }
                }
            }
        }
        assertThat(erasedEvidence)
                .as("the erased document contributed evidence")
                .isPositive();

        HttpTestClient.Response response = test.delete("/api/v1/documents/" + erased);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode receipt = response.json().path("erasure_receipt");
        assertThat(receipt.path("doc_id").asText()).isEqualTo(erased);
        assertThat(receipt.path("deleted_document").asBoolean()).isTrue();
        String auditId = receipt.path("audit_id").asText();
        JsonNode after = test.get("/api/v1/cases/" + caseId).json();
        assertThat(after.path("document_ids").toString()).doesNotContain(erased).contains(kept);
        assertThat(receipt.path("deleted_evidence").asInt())
                .isEqualTo(erasedEvidence)
                .isEqualTo(difference(evidenceBefore, ids(after, "evidence", "evidence_id")));
        assertThat(receipt.path("deleted_candidates").asInt())
                .isEqualTo(difference(candidatesBefore, ids(after, "candidates", "candidate_id")));
        assertThat(receipt.path("deleted_decisions").asInt())
                .isEqualTo(difference(decisionsBefore, decisionIds(after)))
                .isPositive();
        for (JsonNode evidence : after.path("features").findValues("evidence")) {
            evidence.forEach(item -> assertThat(item.path("doc_id").asText()).isEqualTo(kept));
        }

        List<String> rows = everyRowOfEveryTable();
        List<String> mentioningDoc =
                rows.stream().filter(row -> row.contains(erased)).toList();
        assertThat(mentioningDoc).hasSize(1);
        assertThat(mentioningDoc.getFirst())
                .startsWith("erasure.audit_records:")
                .contains(auditId);
        for (String quote : uniqueQuotes) {
            assertThat(rows).as("quote %s survives", quote).noneMatch(row -> row.contains(quote));
        }
        String textSample = erasedText.substring(0, Math.min(80, erasedText.length()));
        assertThat(rows).noneMatch(row -> row.contains(textSample));

        JsonNode events = test.get("/api/v1/cases/" + caseId + "/events").json().path("events");
        assertThat(events.findValuesAsText("event_type")).contains("document.erased");
        HttpTestClient.Response again = test.delete("/api/v1/documents/" + erased);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error().path("code").asText()).isEqualTo("document_erased");
        assertThat(again.error().path("audit_id").asText()).isEqualTo(auditId);
        assertThat(test.get("/api/v1/erasures/" + auditId)
                        .json()
                        .path("erasure_receipt")
                        .path("doc_id")
                        .asText())
                .isEqualTo(erased);
        assertThat(test.get("/api/v1/documents/" + erased + "/pages/0").status())
                .isEqualTo(404);
    }

    @Test
    void otherOrganisationsAndEnvironmentsCannotEraseADocument() {
        String url = documents.put(
                "mine.txt", "Polisnummer XY-99\n".repeat(4).getBytes(StandardCharsets.UTF_8), "text/plain");
        JsonNode accepted = submit(url, null);
        String docId = accepted.path("doc_id").asText();

        for (HttpTestClient other : List.of(live, stranger)) {
            HttpTestClient.Response refused = other.delete("/api/v1/documents/" + docId);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.error().path("code").asText()).isEqualTo("document_not_found");
        }
        assertThat(test.delete("/api/v1/documents/doc_neverexisted")
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("document_not_found");
        assertThat(test.delete("/api/v1/documents/" + docId).status()).isEqualTo(200);
    }

    @Test
    void theTablesAnErasureTouchedAreVacuumedSoonAfterIt() throws Exception {
        String url = documents.put(
                "vacuumed.txt",
                "Schadedatum 3 februari 2023\n".repeat(4).getBytes(StandardCharsets.UTF_8),
                "text/plain");
        JsonNode accepted = submit(url, null);
        awaitProcessed(accepted.path("case_id").asText(), 1);
        Timestamp erasedAfter = databaseNow();

        assertThat(test.delete("/api/v1/documents/" + accepted.path("doc_id").asText())
                        .status())
                .isEqualTo(200);

        // The vacuum runs when its window has closed; autovacuum would count as last_autovacuum.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String table : List.of("processing.pages", "processing.documents")) {
                        assertThat(lastVacuum(table))
                                .as("last vacuum of %s", table)
                                .hasValueSatisfying(
                                        vacuumed -> assertThat(vacuumed).isAfter(erasedAfter));
                    }
                });
    }

    private static Timestamp databaseNow() throws Exception {
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement();
                ResultSet now = statement.executeQuery("SELECT clock_timestamp()")) {
            now.next();
            return now.getTimestamp(1);
        }
    }

    private static Optional<Timestamp> lastVacuum(String table) throws Exception {
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT last_vacuum FROM pg_stat_user_tables WHERE format('%I.%I', schemaname, relname) = '"
                                + table + "'")) {
            return row.next() ? Optional.ofNullable(row.getTimestamp(1)) : Optional.empty();
        }
    }

    @Test
    void aPageOfAnErasedDocumentAnswersDocumentErasedAsErasingItAgainDoes() {
        String url = documents.put(
                "erased-page.txt", "Polisnummer XY-77\n".repeat(4).getBytes(StandardCharsets.UTF_8), "text/plain");
        String docId = submit(url, null).path("doc_id").asText();
        String auditId = test.delete("/api/v1/documents/" + docId)
                .json()
                .path("erasure_receipt")
                .path("audit_id")
                .asText();

        HttpTestClient.Response page = test.get("/api/v1/documents/" + docId + "/pages/0");
        HttpTestClient.Response again = test.delete("/api/v1/documents/" + docId);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.error().path("code").asText())
                .isEqualTo(again.error().path("code").asText())
                .isEqualTo("document_erased");
        assertThat(page.error().path("audit_id").asText()).isEqualTo(auditId);
        assertThat(stranger.get("/api/v1/documents/" + docId + "/pages/0")
                        .error()
                        .path("code")
                        .asText())
                .as("another organisation learns nothing")
                .isEqualTo("document_not_found");
    }

    @Test
    void erasureWhileTheDocumentIsBeingProcessedStopsTheJobFromBringingDataBack() throws Exception {
        String url = documents.putSlow(
                "slow-note.txt",
                "Datum ongeval: 3 februari 2023\nKenteken: GV-123-K\n".repeat(3).getBytes(StandardCharsets.UTF_8),
                "text/plain",
                Duration.ofMillis(1500));
        JsonNode accepted = submit(url, null);
        String docId = accepted.path("doc_id").asText();
        String caseId = accepted.path("case_id").asText();

        HttpTestClient.Response erased = test.delete("/api/v1/documents/" + docId);
        assertThat(erased.status()).isEqualTo(200);

        // The job had the document in flight (its fetch takes 1.5 s); for longer than the job needs,
        // nothing about the document may reappear beside the audit record.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> everyRowOfEveryTable().stream()
                        .filter(row -> row.contains(docId))
                        .allMatch(row -> row.startsWith("erasure.audit_records:")));
        assertThat(test.get("/api/v1/cases/" + caseId).json().path("document_ids"))
                .isEmpty();
    }

    private static List<String> everyRowOfEveryTable() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = instance.database().connect();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("""
                    SELECT table_schema || '.' || table_name FROM information_schema.tables
                     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet all = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (all.next()) {
                        rows.add(table + ":" + all.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    private static Set<String> ids(JsonNode caseRead, String list, String field) {
        Set<String> ids = new HashSet<>();
        caseRead.path("features")
                .findValues(list)
                .forEach(items -> items.forEach(item -> ids.add(item.path(field).asText())));
        return ids;
    }

    private static Set<String> decisionIds(JsonNode caseRead) {
        Set<String> ids = new HashSet<>();
        caseRead.path("features")
                .forEach(feature ->
                        ids.add(feature.path("decision").path("decision_id").asText()));
        return ids;
    }

    private static int difference(Set<String> before, Set<String> after) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        return gone.size();
    }

    private static JsonNode submit(String url, String externalCaseId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document_url", url);
        body.put("case_type_id", "motor_claim");
        body.put("idempotency_key", UUID.randomUUID().toString());
        if (externalCaseId != null) {
            body.put("external_case_id", externalCaseId);
        }
        HttpTestClient.Response response = test.post("/api/v1/process", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode awaitProcessed(String caseId, int documentCount) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode read = test.get("/api/v1/cases/" + caseId).json();
                    return read.path("documents").size() == documentCount
                            && read.path("status").asText().equals("processed");
                });
        return test.get("/api/v1/cases/" + caseId).json();
    }
}
