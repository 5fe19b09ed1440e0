package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.testing.HttpTestClient;
import java.util.Map;
import java.util.UUID;

/** Submitting a document URL as a new motor-claim case, and reading how its document ended. */
final class Submissions {
    private Submissions() {}

    /** The new case's id. */
    static String submit(HttpTestClient api, String url) {
        HttpTestClient.Response response = api.post(
                "/api/v1/process",
                Map.of(
                        "document_url",
                        url,
                        "case_type_id",
                        "motor_claim",
                        "idempotency_key",
                        UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("case_id").asText();
    }

    /** The status of the case's first document, or its failure code when it failed. */
    static String outcome(HttpTestClient api, String caseId) {
        JsonNode document =
                api.get("/api/v1/cases/" + caseId).json().path("documents").path(0);
        return document.path("status").asText().equals("failed")
                ? document.path("failure_code").asText()
                : document.path("status").asText();
    }
}
