package com.klarefi.erasure.internal;

import com.klarefi.cases.api.CaseErasure;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.erasure.internal.db.AuditRepository;
import com.klarefi.erasure.internal.http.ErasureHttpService;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;

/** Builds the erasure module's parts from the platform; {@link ErasureFacade} is what others hold. */
final class ErasureWiring {
    private ErasureWiring() {
    }

    static Erasure assemble(Platform platform, CaseErasure cases, Processing processing) {
        AuditRepository audits = new AuditRepository(platform.database().jdbi());
        Eraser eraser = new Eraser(platform.database(), cases, processing, platform.erasure(), audits, platform.clock());
        platform.erasure().registerErasedDocuments(eraser.erasedDocuments());
        return new ErasureFacade(new ErasureHttpService(
                (request, response) -> ErasureHttpService.send(response,
                        eraser.erase(Caller.of(request), request.path().pathParameters().get("docId"))),
                (request, response) -> {
                    String auditId = request.path().pathParameters().get("auditId");
                    ErasureHttpService.send(response, audits.byAuditId(Caller.of(request), auditId).orElseThrow(() ->
                            ApiException.notFound("erasure_not_found", "No erasure receipt " + auditId + " for this API key.")));
                }), audits);
    }
}
