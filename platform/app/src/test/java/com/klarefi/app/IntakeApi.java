package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/** {@code POST /process} and the case reads, as a client drives them, with the checks crash tests need. */
final class IntakeApi {
    private final HttpTestClient api;

    IntakeApi(HttpTestClient api) {
        this.api = api;
    }

    /** What a client sends; the same submission sent again is a retry (same idempotency key). */
    record Submission(String idempotencyKey, String documentUrl, Optional<String> externalCaseId) {
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("document_url", documentUrl);
            body.put("case_type_id", "motor_claim");
            body.put("idempotency_key", idempotencyKey);
            externalCaseId.ifPresent(id -> body.put("external_case_id", id));
            return body;
        }
    }

    /** A document the service answered 201 for. */
    record Accepted(Submission submission, String caseId, String docId, boolean replayed) {}

    /** Sends the submission; a refused or broken connection throws, anything but 201 fails the test. */
    Accepted submit(Submission submission) {
        HttpTestClient.Response response = api.post("/api/v1/process", submission.body());
        assertThat(response.status()).as("POST /process: %s", response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Accepted(
                submission,
                body.path("case_id").asText(),
                body.path("doc_id").asText(),
                body.path("idempotent_replay").asBoolean());
    }

    boolean isFinished(Accepted accepted) {
        String status = document(accepted).path("status").asText();
        return !status.equals("queued") && !status.equals("processing");
    }

    /**
     * The document ended processed with one page, its case's log has exactly one
     * {@code document.received} and one {@code document.processed} for it and none failed, and the
     * log as a whole has cursors 1..n without gaps and no event twice.
     */
    void assertProcessedExactlyOnce(Accepted accepted) {
        JsonNode document = document(accepted);
        assertThat(document.path("status").asText())
                .as("status of %s", accepted.docId())
                .isEqualTo("processed");
        assertThat(document.path("page_count").asInt())
                .as("pages of %s", accepted.docId())
                .isEqualTo(1);

        List<JsonNode> events = events(accepted.caseId());
        assertThat(events.stream().map(event -> event.path("cursor").asLong()))
                .as("cursors of case %s", accepted.caseId())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.stream().map(event -> event.path("event_id").asText()))
                .doesNotHaveDuplicates();
        assertThat(typesFor(events, accepted.docId()))
                .as("events of document %s", accepted.docId())
                .containsExactly("document.received", "document.processed");

        HttpTestClient.Response page = api.get("/api/v1/documents/" + accepted.docId() + "/pages/0");
        assertThat(page.status()).as("page 0 of %s", accepted.docId()).isEqualTo(200);
        assertThat(page.json().path("method").asText()).isEqualTo("born_digital_text");
    }

    /** When the case's log recorded the document as processed. */
    Instant processedAt(Accepted accepted) {
        return events(accepted.caseId()).stream()
                .filter(event -> event.path("event_type").asText().equals("document.processed"))
                .filter(event -> accepted.docId()
                        .equals(event.path("payload").path("doc_id").asText()))
                .map(event -> Instant.parse(event.path("created_at").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(accepted.docId() + " has no document.processed event"));
    }

    /** The ids of every document the case lists. */
    List<String> documentIds(String caseId) {
        HttpTestClient.Response response = api.get("/api/v1/cases/" + caseId);
        assertThat(response.status()).as("GET case %s", caseId).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("document_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private JsonNode document(Accepted accepted) {
        HttpTestClient.Response response = api.get("/api/v1/cases/" + accepted.caseId());
        assertThat(response.status()).as("GET case %s", accepted.caseId()).isEqualTo(200);
        for (JsonNode document : response.json().path("documents")) {
            if (document.path("doc_id").asText().equals(accepted.docId())) {
                return document;
            }
        }
        throw new AssertionError("case " + accepted.caseId() + " does not list document " + accepted.docId());
    }

    private List<JsonNode> events(String caseId) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            HttpTestClient.Response response =
                    api.get("/api/v1/cases/" + caseId + "/events?after_cursor=" + after + "&limit=100");
            assertThat(response.status()).as("GET events of %s", caseId).isEqualTo(200);
            response.json().path("events").forEach(events::add);
            after = response.json().path("next_cursor").asLong();
            more = response.json().path("has_more").asBoolean();
        }
        return events;
    }

    private static List<String> typesFor(List<JsonNode> events, String docId) {
        return events.stream()
                .filter(event ->
                        docId.equals(event.path("payload").path("doc_id").asText()))
                .map(event -> event.path("event_type").asText())
                .toList();
    }
}
