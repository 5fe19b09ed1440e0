package com.klarefi.processing.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.cases.api.CaseDocuments;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.idempotency.Idempotency;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.json.Json;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.jobs.ProcessDocument;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

/** {@code POST /api/v1/process}. */
public final class ProcessHttpService {
    private static final String ENDPOINT = "POST /api/v1/process";

    private final JsonBodies bodies;
    private final Idempotency idempotency;
    private final CaseDocuments cases;
    private final DocumentRepository documents;
    private final Jobs jobs;
    private final Predicate<String> knownCaseType;
    private final Clock clock;
    private final FaultInjection faults;

    public ProcessHttpService(
            JsonBodies bodies,
            Idempotency idempotency,
            CaseDocuments cases,
            DocumentRepository documents,
            Jobs jobs,
            Predicate<String> knownCaseType,
            Clock clock,
            FaultInjection faults) {
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
    }

    private void process(ServerRequest request, ServerResponse response) {
        Caller caller = Caller.of(request);
        JsonNode body = bodies.readObject(request);
        Idempotency.keyOf(body);
        ProcessRequest accepted = ProcessRequest.from(body, knownCaseType);
        Idempotency.Outcome outcome = idempotency.respond(response, caller, ENDPOINT, body, tx -> {
            String docId = Ids.newId("doc");
            String caseId = cases.addDocument(tx, caller, accepted.opening(), docId);
            documents.insert(
                    tx,
                    docId,
                    caller,
                    caseId,
                    accepted.opening().caseTypeId(),
                    accepted.documentUrl(),
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

    public static String jobIdText(String docId) {
        UUID id = ProcessDocument.jobIdOf(docId);
        return "job_" + id.toString().replace("-", "");
    }
}
