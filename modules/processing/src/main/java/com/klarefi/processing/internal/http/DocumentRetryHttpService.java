package com.klarefi.processing.internal.http;

import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Responses;
import com.klarefi.processing.internal.jobs.DocumentLifecycle;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** {@code POST /admin/v1/documents/{doc_id}/retry}: operators send a failed document through processing again. */
public final class DocumentRetryHttpService {
    private final DocumentLifecycle lifecycle;

    public DocumentRetryHttpService(DocumentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void adminRoutes(ApiRoutes routes) {
        routes.post("/documents/{docId}/retry", this::retry);
    }

    private void retry(ServerRequest request, ServerResponse response) {
        String docId = request.path().pathParameters().get("docId");
        if (request.content().hasEntity()) {
            // The retry takes no body; one sent anyway is read and dropped, so a refusal can be answered cleanly.
            request.content().consume();
        }
        lifecycle.retry(docId);
        Responses.json(response, 202, Map.of("doc_id", docId, "status", "queued"));
    }
}
