package com.klarefi.processing.internal.http;

import com.klarefi.platform.erasure.ErasedDocuments;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Responses;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.db.DocumentRepository.DocumentState;
import com.klarefi.processing.internal.db.DocumentRepository.StoredPage;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/documents/{doc_id}/pages/{page_index}}: a processed document's page. Without
 * one the 404 says why: no such page, not processed yet, failed (with its failure code), erased
 * (with the erasure receipt, as {@code DELETE} answers) or no such document.
 */
public final class PagesHttpService {
    private final DocumentRepository documents;
    private final ErasedDocuments erased;

    public PagesHttpService(DocumentRepository documents, ErasedDocuments erased) {
        this.documents = documents;
        this.erased = erased;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/documents/{docId}/pages/{pageIndex}", this::page);
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
        DocumentState state = documents.stateFor(caller, docId).orElseThrow(() -> erased.notFound(caller, docId));
        StoredPage page = documents.page(caller, docId, pageIndex).orElseThrow(() -> noPage(docId, rawIndex, state));
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

    private static ApiException noPage(String docId, String rawIndex, DocumentState state) {
        return switch (state.status()) {
            case "processed" ->
                ApiException.notFound(
                        "page_not_found", "Document " + docId + " has no page " + rawIndex + " (pages count from 0).");
            case "failed" ->
                ApiException.notFound(
                                "document_failed",
                                "Document " + docId + " failed ("
                                        + state.failureCode().orElse("unknown")
                                        + ") and has no pages; the case read shows why.")
                        .withDetail("failure_code", state.failureCode().orElse("unknown"));
            default ->
                ApiException.notFound(
                        "page_not_available",
                        "Document " + docId + " is " + state.status()
                                + "; its pages are available once it is processed.");
        };
    }
}
