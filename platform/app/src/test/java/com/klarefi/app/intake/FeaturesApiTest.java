package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole case through the API: documents in, features with checkable evidence out. */
class FeaturesApiTest {
    private static final Path CORPUS = RepositoryFiles.corpus();
    private static ApiInstance instance;
    private static DocumentServer documents;
    private static HttpTestClient api;
    private static HttpTestClient admin;

    @BeforeAll
    static void start(@TempDir Path dataDirectory) throws Exception {
        instance = ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"));
        documents = instance.documents();
        api = instance.newOrganisation("Acme").test();
        admin = instance.admin();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void aCaseOfSeveralDocumentsGetsFeaturesWhoseEvidenceQuotesItsPages() throws Exception {
        assumeTrue(
                Files.isDirectory(CORPUS),
                "the development corpus is neither in KLAREFI_CORPUS nor beside the checkout");
        String caseKey = "features-" + UUID.randomUUID();
        String caseId = null;
        for (String file : new String[] {"completed_form.pdf", "email_customer.eml"}) {
            String url = documents.putFile(
                    "dev-0001-" + file, CORPUS.resolve("dev-0001").resolve(file));
            caseId = submit(url, "motor_claim", caseKey).path("case_id").asText();
        }
        JsonNode finished = awaitProcessed(caseId, 2);
        JsonNode expected = Json.read(Files.readString(CORPUS.resolve("dev-0001/expected.json")))
                .path("expected");

        JsonNode features = finished.path("features");
        assertThat(features.size()).isEqualTo(14);
        int kept = 0;
        Map<String, String> pageTexts = new HashMap<>();
        for (var entry : features.properties()) {
            JsonNode feature = entry.getValue();
            String outcome = feature.path("decision").path("decision").asText();
            assertThat(outcome).isIn("keep", "review", "missing");
            for (JsonNode evidence : feature.path("evidence")) {
                String key = evidence.path("doc_id").asText() + "/"
                        + evidence.path("page_index").asInt();
                String text = pageTexts.computeIfAbsent(
                        key,
                        page -> api.get("/api/v1/documents/" + page.replace("/", "/pages/"))
                                .json()
                                .path("text")
                                .asText());
                int start = evidence.path("location").path("char_start").asInt();
                int end = evidence.path("location").path("char_end").asInt();
                assertThat(text.substring(start, end))
                        .isEqualTo(evidence.path("quote").asText());
                assertThat(evidence.path("method").asText()).isIn("born_digital_text", "text");
            }
            if (outcome.equals("keep")) {
                kept++;
                String selected =
                        feature.path("decision").path("selected_candidate_id").asText();
                JsonNode candidate = null;
                for (JsonNode each : feature.path("candidates")) {
                    if (each.path("candidate_id").asText().equals(selected)) {
                        candidate = each;
                    }
                }
                assertThat(candidate).as(entry.getKey()).isNotNull();
                assertThat(candidate.path("evidence_ids")).isNotEmpty();
                assertThat(candidate.path("value_normalized").asText())
                        .as(entry.getKey())
                        .isEqualTo(expected.path(entry.getKey()).asText());
            }
        }
        assertThat(kept).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aCaseTypeDefinedOnTheAdminApiWorksLikeABuiltInOne() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", "bicycle_claim");
        definition.put("name", "Bicycle claim");
        definition.put("locales", new String[] {"nl", "en"});
        definition.put("features", new Object[] {
            Map.of(
                    "id",
                    "theft_date",
                    "type",
                    "date",
                    "labels",
                    Map.of("nl", new String[] {"Datum diefstal"}, "en", new String[] {"Date of theft"})),
            Map.of(
                    "id",
                    "frame_number",
                    "type",
                    "identifier",
                    "pattern",
                    "[A-Z]{2}\\d{6}",
                    "labels",
                    Map.of("nl", new String[] {"Framenummer"}, "en", new String[] {"Frame number"})),
            Map.of(
                    "id",
                    "bank_account",
                    "type",
                    "iban",
                    "labels",
                    Map.of("nl", new String[] {"IBAN"}, "en", new String[] {"IBAN"}))
        });
        HttpTestClient.Response stored = admin.put("/admin/v1/case-types/bicycle_claim", definition);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(admin.get("/admin/v1/case-types").body())
                .contains("bicycle_claim")
                .contains("motor_claim")
                .contains("\"names\":{\"en\":\"Motor vehicle damage claim\",\"nl\":\"Schadeclaim motorrijtuig\"}");

        String text = """
                Melding fietsdiefstal

                Datum diefstal: 14 maart 2024
                Framenummer: WB123456
                IBAN: NL91 ABNA 0417 1643 00
                """;
        String url = documents.put("bicycle.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain");
        String caseId = submit(url, "bicycle_claim", null).path("case_id").asText();
        JsonNode features = awaitProcessed(caseId, 1).path("features");

        assertThat(value(features, "theft_date")).isEqualTo("2024-03-14");
        assertThat(value(features, "frame_number")).isEqualTo("WB123456");
        assertThat(value(features, "bank_account")).isEqualTo("NL91ABNA0417164300");
    }

    @Test
    void anInvalidCaseTypeIsRefusedWithWhatIsWrong() {
        HttpTestClient.Response refused = admin.put(
                "/admin/v1/case-types/broken",
                Map.of("id", "broken", "name", "Broken", "locales", new String[] {"nl"}, "features", new Object[] {
                    Map.of("id", "when", "type", "dat")
                }));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("code").asText()).isEqualTo("invalid_case_type");
        assertThat(refused.error().path("problems").toString())
                .contains("features[0]")
                .contains("dat");
        assertThat(api.post(
                                "/api/v1/process",
                                Map.of(
                                        "document_url",
                                        "https://example.com/a.pdf",
                                        "case_type_id",
                                        "broken",
                                        "idempotency_key",
                                        "k"))
                        .error()
                        .path("code")
                        .asText())
                .isEqualTo("unknown_case_type");
    }

    private static String value(JsonNode features, String featureId) {
        JsonNode feature = features.path(featureId);
        assertThat(feature.path("decision").path("decision").asText())
                .as(featureId + ": " + feature)
                .isEqualTo("keep");
        String selected = feature.path("decision").path("selected_candidate_id").asText();
        for (JsonNode candidate : feature.path("candidates")) {
            if (candidate.path("candidate_id").asText().equals(selected)) {
                return candidate.path("value_normalized").asText();
            }
        }
        throw new AssertionError("no selected candidate for " + featureId);
    }

    private static JsonNode submit(String url, String caseType, String externalCaseId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document_url", url);
        body.put("case_type_id", caseType);
        body.put("idempotency_key", UUID.randomUUID().toString());
        if (externalCaseId != null) {
            body.put("external_case_id", externalCaseId);
        }
        HttpTestClient.Response response = api.post("/api/v1/process", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode awaitProcessed(String caseId, int documentCount) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode read = api.get("/api/v1/cases/" + caseId).json();
                    return read.path("documents").size() == documentCount
                            && read.path("status").asText().equals("processed");
                });
        return api.get("/api/v1/cases/" + caseId).json();
    }
}
