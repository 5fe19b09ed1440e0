package com.klarefi.erasure.internal.http;

import com.klarefi.erasure.internal.db.Receipt;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Responses;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code DELETE /api/v1/documents/{doc_id}} and {@code GET /api/v1/erasures/{audit_id}}. */
public final class ErasureHttpService {
    private final Handler erase;
    private final Handler receipt;

    public ErasureHttpService(Handler erase, Handler receipt) {
        this.erase = erase;
        this.receipt = receipt;
    }

    public void routes(ApiRoutes routes) {
        routes.delete("/documents/{docId}", erase);
        routes.get("/erasures/{auditId}", receipt);
    }

    public static void send(ServerResponse response, Receipt receipt) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("doc_id", receipt.docId());
        view.put("audit_id", receipt.auditId());
        view.put("case_id", receipt.caseId());
        view.put("deleted_evidence", receipt.deletedEvidence());
        view.put("deleted_candidates", receipt.deletedCandidates());
        view.put("deleted_decisions", receipt.deletedDecisions());
        view.put("deleted_document", receipt.deletedDocument());
        receipt.sha256().ifPresent(hash -> view.put("sha256", hash));
        view.put("requested_by_key_id", receipt.requestedByKey());
        view.put("timestamp", receipt.erasedAt().toString());
        Responses.ok(response, Map.of("erasure_receipt", view));
    }
}
