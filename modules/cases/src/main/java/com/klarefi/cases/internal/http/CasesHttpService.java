package com.klarefi.cases.internal.http;

import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.CaseRow;
import com.klarefi.cases.internal.db.DocumentRow;
import com.klarefi.cases.internal.db.EventRow;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/v1/cases/{case_id}} and its event log with a cursor. */
public final class CasesHttpService {
    private static final int MAX_LIMIT = 100;
    private final CaseRepository repository;
    private final FeatureRepository features;

    public CasesHttpService(CaseRepository repository, FeatureRepository features) {
        this.repository = repository;
        this.features = features;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/cases/{caseId}", this::read);
        routes.get("/cases/{caseId}/events", this::events);
    }

    private void read(ServerRequest request, ServerResponse response) {
        CaseRow row = find(request);
        List<DocumentRow> documents = repository.documents(row.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case_id", row.id());
        body.put("org_id", row.orgId());
        body.put("status", row.status());
        body.put("case_type_id", row.caseTypeId());
        row.externalCaseId().ifPresent(id -> body.put("external_case_id", id));
        row.externalApplicantId().ifPresent(id -> body.put("external_applicant_id", id));
        row.externalCustomerId().ifPresent(id -> body.put("external_customer_id", id));
        row.traceId().ifPresent(id -> body.put("trace_id", id));
        body.put("created_at", row.createdAt().toString());
        body.put("updated_at", row.updatedAt().toString());
        body.put("document_ids", documents.stream().map(DocumentRow::docId).toList());
        body.put("documents", documents.stream().map(CasesHttpService::document).toList());
        body.put("features", FeatureViews.features(features.read(row.id())));
        Responses.ok(response, body);
    }

    private void events(ServerRequest request, ServerResponse response) {
        CaseRow row = find(request);
        long after = longParameter(request, "after_cursor", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParameter(request, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        List<EventRow> page = repository.events(row.id(), after, limit + 1);
        boolean hasMore = page.size() > limit;
        List<EventRow> events = hasMore ? page.subList(0, limit) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case_id", row.id());
        body.put("events", events.stream().map(CasesHttpService::event).toList());
        body.put("next_cursor", events.isEmpty() ? after : events.getLast().cursor());
        body.put("has_more", hasMore);
        Responses.ok(response, body);
    }

    private CaseRow find(ServerRequest request) {
        String caseId = request.path().pathParameters().get("caseId");
        return repository
                .find(Caller.of(request), caseId)
                .orElseThrow(() -> ApiException.notFound("case_not_found", "No case " + caseId + " for this API key."));
    }

    private static Map<String, Object> document(DocumentRow document) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("doc_id", document.docId());
        view.put("status", document.status());
        document.failureCode().ifPresent(code -> view.put("failure_code", code));
        document.failureMessage().ifPresent(message -> view.put("failure_message", message));
        document.mediaType().ifPresent(type -> view.put("media_type", type));
        document.pageCount().ifPresent(pages -> view.put("page_count", pages));
        return view;
    }

    private static Map<String, Object> event(EventRow event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event_id", event.eventId());
        view.put("event_type", event.eventType());
        view.put("cursor", event.cursor());
        view.put("created_at", event.createdAt().toString());
        Optional.ofNullable(event.payload().get("trace_id")).ifPresent(trace -> view.put("trace_id", trace));
        view.put("payload", event.payload());
        return view;
    }

    private static long longParameter(ServerRequest request, String name, long fallback, long min, long max) {
        return QueryNumbers.parse(request.query().first(name).asOptional(), name, fallback, min, max);
    }
}
