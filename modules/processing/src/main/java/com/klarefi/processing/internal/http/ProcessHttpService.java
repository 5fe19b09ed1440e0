package com.klarefi.processing.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.json.Json;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.db.DocumentRepository.StoredPage;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.jobs.ProcessDocument;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** {@code POST /api/v1/process} and {@code GET /api/v1/documents/{doc_id}/pages/{page_index}}. */
public final class ProcessHttpService {
    private static final String ENDPOINT = "POST /api/v1/process";

    private final JsonBodies bodies;
    private final Idempotency idempotency;
    private final Cases cases;
    private final DocumentRepository documents;
    private final Jobs jobs;
    private final Predicate<String> knownCaseType;
    private final Clock clock;
    private final FaultInjection faults;

    public ProcessHttpService(JsonBodies bodies, Idempotency idempotency, Cases cases, DocumentRepository documents,
                              Jobs jobs, Predicate<String> knownCaseType, Clock clock, FaultInjection faults) {
        this.bodies = bodies;
        this.idempotency = idempotency;
        this.cases = cases;
        this.documents = documents;
        this.jobs = jobs;
        this.knownCaseType = knownCaseType;
        this.clock = clock;
        this.faults = faults;
    }

    public void routes(ApiRoutes routes) {
        routes.post("/process", this::process);
        routes.get("/documents/{docId}/pages/{pageIndex}", this::page);
    }

    private void process(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        JsonNode body = bodies.readObject(request);
        Idempotency.keyOf(body);
        ProcessRequest accepted = ProcessRequest.from(body, knownCaseType);
        Idempotency.Outcome outcome = idempotency.respond(response, caller, ENDPOINT, body, tx -> {
            String docId = Ids.newId("doc");
            String caseId = cases.addDocument(tx, caller, accepted.opening(), docId);
            documents.insert(tx, docId, caller, caseId, accepted.opening().caseTypeId(), accepted.documentUrl(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            ObjectNode result = Json.mapper().createObjectNode();
            result.put("case_id", caseId);
            result.put("doc_id", docId);
            result.put("job_id", jobIdText(docId));
            result.put("status", "queued");
            return new Idempotency.Outcome(201, result);
        });
        faults.at(FaultInjection.Point.HALT_AFTER_ACCEPT);
        ProcessDocument.enqueueAfterCommit(jobs, outcome.body().path("doc_id").asText());
    }

    private void page(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        String docId = request.path().pathParameters().get("docId");
        String rawIndex = request.path().pathParameters().get("pageIndex");
        // ASCII digits only: Integer.parseInt also takes a sign and other scripts' digits.
        if (rawIndex == null || !rawIndex.matches("[0-9]{1,9}")) {
            throw ApiException.validation("invalid_page_index", "page_index must be a whole number from 0.")
                    .withDetail("param", "page_index");
        }
        int pageIndex = Integer.parseInt(rawIndex);
        String status = documents.statusFor(caller, docId).orElseThrow(() ->
                ApiException.notFound("document_not_found", "No document " + docId + " for this API key."));
        StoredPage page = documents.page(caller, docId, pageIndex).orElseThrow(() -> "processed".equals(status)
                ? ApiException.notFound("page_not_found", "Document " + docId + " has no page " + rawIndex + " (pages count from 0).")
                : ApiException.notFound("page_not_available", "Document " + docId + " is " + status + "; its pages are available once it is processed."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doc_id", page.docId());
        body.put("page_index", page.pageIndex());
        body.put("page_count", page.pageCount());
        body.put("method", page.method());
        body.put("width", page.width());
        body.put("height", page.height());
        body.put("text", page.text());
        Responses.ok(response, body);
    }


    public static String jobIdText(String docId) {
        UUID id = ProcessDocument.jobIdOf(docId);
        return "job_" + id.toString().replace("-", "");
    }
}
