package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /process through the real server, database, JobRunr jobs, fetcher and text layers. */
class ProcessApiTest {
    private static final Path CORPUS = RepositoryFiles.corpus();
    private static ApiInstance instance;
    private static DocumentServer documents;
    private static HttpTestClient test;
    private static HttpTestClient live;
    private static HttpTestClient otherOrganisation;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        instance = ApiInstance.start(
                dataDirectory,
                Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8", "KLAREFI_RATE_LIMIT_PER_MINUTE", "100000"));
        documents = instance.documents();
        ApiInstance.Organisation acme = instance.newOrganisation("Acme");
        test = acme.test();
        live = acme.live();
        otherOrganisation = instance.newOrganisation("Other").test();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void everyKindOfDocumentEndsProcessedWithItsMethodAndReadablePages() throws Exception {
        assumeTrue(
                Files.isDirectory(CORPUS),
                "the development corpus is neither in KLAREFI_CORPUS nor beside the checkout");
        Map<String, String> expectedMethods = new LinkedHashMap<>();
        expectedMethods.put("dev-0001/completed_form.pdf", "born_digital_text");
        expectedMethods.put("dev-0011/formulier_ingevuld.png", "ocr");
        expectedMethods.put("dev-0002/receipt.pdf", "ocr");
        expectedMethods.put("dev-0003/email_customer.txt", "text");
        expectedMethods.put("dev-0001/email_customer.eml", "text");
        String caseKey = "every-kind-" + UUID.randomUUID();
        Map<String, String> docIds = new LinkedHashMap<>();
        for (String file : expectedMethods.keySet()) {
            JsonNode accepted = submit(test, documents.putFile(file.replace('/', '_'), CORPUS.resolve(file)), caseKey);
            docIds.put(file, accepted.path("doc_id").asText());
        }
        String caseId = caseOf(docIds.values().iterator().next());

        JsonNode finished = awaitFinished(test, caseId, expectedMethods.size());

        assertThat(finished.path("status").asText()).isEqualTo("processed");
        for (JsonNode document : finished.path("documents")) {
            assertThat(document.path("status").asText()).as(document.toString()).isEqualTo("processed");
        }
        for (Map.Entry<String, String> entry : expectedMethods.entrySet()) {
            JsonNode page = test.get("/api/v1/documents/" + docIds.get(entry.getKey()) + "/pages/0")
                    .json();
            assertThat(page.path("method").asText()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(page.path("text").asText()).as(entry.getKey()).hasSizeGreaterThan(50);
        }
    }

    @Test
    void badDocumentsFailWithTheirCodes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(documents.url("missing.pdf"), "fetch_failed");
        expected.put(
                documents.put(
                        "page.html",
                        "<!DOCTYPE html><html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8),
                        "text/html"),
                "unsupported_media_type");
        expected.put(documents.put("locked.pdf", encryptedPdf(), "application/pdf"), "document_encrypted");
        expected.put(documents.putEndless("huge.bin", 30L * 1024 * 1024), "too_large");
        expected.put(documents.url("x.pdf").replace("127.0.0.1", "[::1]"), "url_not_allowed");
        List<String> docIds = new ArrayList<>();
        for (String url : expected.keySet()) {
            docIds.add(submit(test, url, null).path("doc_id").asText());
        }

        List<String> codes = new ArrayList<>(expected.values());
        for (int i = 0; i < docIds.size(); i++) {
            JsonNode caseRead = awaitFinished(test, caseOf(docIds.get(i)), 1);
            JsonNode document = caseRead.path("documents").get(0);
            assertThat(document.path("status").asText()).isEqualTo("failed");
            assertThat(document.path("failure_code").asText())
                    .as(document.toString())
                    .isEqualTo(codes.get(i));
            assertThat(caseRead.path("status").asText()).isEqualTo("failed");
        }
        HttpTestClient.Response page = test.get("/api/v1/documents/" + docIds.getFirst() + "/pages/0");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.error().path("code").asText()).isEqualTo("document_failed");
        assertThat(page.error().path("message").asText())
                .contains("fetch_failed")
                .doesNotContain("once it is processed");
        JsonNode events = test.get("/api/v1/cases/" + caseOf(docIds.getFirst()) + "/events")
                .json()
                .path("events");
        assertThat(events.findValuesAsText("event_type"))
                .contains("document.received", "document.failed", "case.updated");
    }

    @Test
    void documentsWithTheSameExternalCaseIdJoinOneCaseAndOthersOpenNewOnes() {
        String external = "claim-" + UUID.randomUUID();
        String url = documents.put(
                "note-a.txt",
                "Schadeformulier\nDatum: 3 februari 2023\n".repeat(3).getBytes(StandardCharsets.UTF_8),
                "text/plain");
        JsonNode first = submit(test, url, external);
        JsonNode second = submit(test, url, external);
        JsonNode alone = submit(test, url, null);

        assertThat(second.path("case_id").asText())
                .isEqualTo(first.path("case_id").asText());
        assertThat(alone.path("case_id").asText())
                .isNotEqualTo(first.path("case_id").asText());
        JsonNode joined =
                test.get("/api/v1/cases/" + first.path("case_id").asText()).json();
        assertThat(joined.path("document_ids")).hasSize(2);
        assertThat(joined.path("external_case_id").asText()).isEqualTo(external);

        HttpTestClient.Response mismatch = test.post("/api/v1/process", body(url, external, "travel_claim"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.error().path("code").asText()).isEqualTo("case_type_mismatch");
    }

    @Test
    void theEventLogHasGaplessCursorsFromOneAndPagesWithACursor() {
        String external = "events-" + UUID.randomUUID();
        String url = documents.put(
                "note-b.txt", "Polisnummer AB-123\n".repeat(5).getBytes(StandardCharsets.UTF_8), "text/plain");
        String caseId = submit(test, url, external).path("case_id").asText();
        submit(test, url, external);
        awaitFinished(test, caseId, 2);

        JsonNode all = test.get("/api/v1/cases/" + caseId + "/events").json();
        List<Long> cursors = new ArrayList<>();
        all.path("events").forEach(event -> cursors.add(event.path("cursor").asLong()));
        assertThat(cursors.getFirst()).isEqualTo(1);
        for (int i = 1; i < cursors.size(); i++) {
            assertThat(cursors.get(i)).isEqualTo(cursors.get(i - 1) + 1);
        }
        assertThat(all.path("has_more").asBoolean()).isFalse();

        JsonNode firstPage = test.get("/api/v1/cases/" + caseId + "/events?after_cursor=0&limit=2")
                .json();
        assertThat(firstPage.path("events")).hasSize(2);
        assertThat(firstPage.path("has_more").asBoolean()).isTrue();
        assertThat(firstPage.path("next_cursor").asLong()).isEqualTo(2);
        JsonNode rest =
                test.get("/api/v1/cases/" + caseId + "/events?after_cursor=2").json();
        assertThat(rest.path("events").get(0).path("cursor").asLong()).isEqualTo(3);
        assertThat(test.get("/api/v1/cases/" + caseId + "/events?limit=101")
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("invalid_limit");
    }

    @Test
    void otherOrganisationsAndEnvironmentsSeeNothing() {
        String url = documents.put(
                "note-c.txt", "Kenteken GV-123-K\n".repeat(5).getBytes(StandardCharsets.UTF_8), "text/plain");
        JsonNode accepted = submit(test, url, null);
        String caseId = accepted.path("case_id").asText();
        String docId = accepted.path("doc_id").asText();
        awaitFinished(test, caseId, 1);

        for (HttpTestClient stranger : List.of(live, otherOrganisation)) {
            assertThat(stranger.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/cases/" + caseId + "/events").status())
                    .isEqualTo(404);
            assertThat(stranger.get("/api/v1/documents/" + docId + "/pages/0").status())
                    .isEqualTo(404);
        }
        assertThat(test.get("/api/v1/cases/case_doesnotexist")
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("case_not_found");
        assertThat(test.get("/api/v1/documents/" + docId + "/pages/7")
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("page_not_found");
        // Only ASCII digits name a page: no sign, no other script's digits, nothing past nine digits.
        for (String index : List.of("-1", "+0", "%D9%A0", "1e0", "0x0", "9999999999", "%20")) {
            var answer = test.get("/api/v1/documents/" + docId + "/pages/" + index);
            assertThat(answer.status()).as(index).isEqualTo(400);
            assertThat(answer.error().path("code").asText()).as(index).isEqualTo("invalid_page_index");
        }
        assertThat(test.get("/api/v1/documents/" + docId + "/pages/00").status())
                .isEqualTo(200);
    }

    @Test
    void invalidRequestsNameTheirProblem() {
        assertThat(code(Map.of("case_type_id", "motor_claim", "idempotency_key", "k")))
                .isEqualTo("missing_document_url");
        assertThat(code(Map.of(
                        "document_url",
                        "ftp://example.com/a.pdf",
                        "case_type_id",
                        "motor_claim",
                        "idempotency_key",
                        "k")))
                .isEqualTo("invalid_document_url");
        assertThat(code(Map.of("document_url", "/relative.pdf", "case_type_id", "motor_claim", "idempotency_key", "k")))
                .isEqualTo("invalid_document_url");
        assertThat(code(Map.of("document_url", "https://example.com/a.pdf", "idempotency_key", "k")))
                .isEqualTo("missing_case_type_id");
        assertThat(code(Map.of(
                        "document_url",
                        "https://example.com/a.pdf",
                        "case_type_id",
                        "boat_claim",
                        "idempotency_key",
                        "k")))
                .isEqualTo("unknown_case_type");
        assertThat(code(Map.of("document_url", "https://example.com/a.pdf", "case_type_id", "motor_claim")))
                .isEqualTo("missing_idempotency_key");
        assertThat(code(Map.of(
                        "document_url",
                        "https://example.com/a.pdf",
                        "case_type_id",
                        "motor_claim",
                        "idempotency_key",
                        "k",
                        "webhook_url",
                        "https://example.com/hook")))
                .isEqualTo("webhook_url_not_supported");
        assertThat(test.post("/api/v1/process", "{\"document_url\": ")
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("invalid_json");
    }

    @Test
    void aRetriedSubmissionReplaysInsteadOfAddingADocument() {
        String url = documents.put(
                "note-d.txt", "Factuur 2023-001\n".repeat(5).getBytes(StandardCharsets.UTF_8), "text/plain");
        Map<String, Object> request = body(url, null, "motor_claim");
        HttpTestClient.Response first = test.post("/api/v1/process", request);
        HttpTestClient.Response again = test.post("/api/v1/process", request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("idempotent_replay").asBoolean()).isTrue();
        assertThat(again.json().path("doc_id").asText())
                .isEqualTo(first.json().path("doc_id").asText());
        assertThat(test.get("/api/v1/cases/" + first.json().path("case_id").asText())
                        .json()
                        .path("document_ids"))
                .hasSize(1);
    }

    private static String code(Map<String, Object> request) {
        HttpTestClient.Response response = test.post("/api/v1/process", request);
        assertThat(response.status()).isEqualTo(400);
        return response.error().path("code").asText();
    }

    private static JsonNode submit(HttpTestClient client, String url, String externalCaseId) {
        HttpTestClient.Response response = client.post("/api/v1/process", body(url, externalCaseId, "motor_claim"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("status").asText()).isEqualTo("queued");
        assertThat(response.json().path("job_id").asText()).startsWith("job_");
        return response.json();
    }

    private static Map<String, Object> body(String url, String externalCaseId, String caseType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document_url", url);
        body.put("case_type_id", caseType);
        body.put("idempotency_key", UUID.randomUUID().toString());
        if (externalCaseId != null) {
            body.put("external_case_id", externalCaseId);
            body.put("trace_id", "trace-" + externalCaseId);
        }
        return body;
    }

    private static String caseOf(String docId) {
        return instance.server().caseOfDocument(docId);
    }

    private static JsonNode awaitFinished(HttpTestClient client, String caseId, int documentCount) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode read = client.get("/api/v1/cases/" + caseId).json();
                    List<String> statuses = read.path("documents").findValuesAsText("status");
                    return statuses.size() == documentCount
                            && statuses.stream()
                                    .allMatch(status -> status.equals("processed") || status.equals("failed"));
                });
        return client.get("/api/v1/cases/" + caseId).json();
    }

    private static byte[] encryptedPdf() throws Exception {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }
}
