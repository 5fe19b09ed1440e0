package com.klarefi.erasure.internal;

import com.klarefi.cases.api.CaseErasure;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.erasure.api.ErasureRecord;
import com.klarefi.erasure.internal.db.AuditRepository;
import com.klarefi.erasure.internal.db.Receipt;
import com.klarefi.erasure.internal.http.ErasureHttpService;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;
import java.util.List;
import java.util.Optional;

/** The erasure module as the composition root and the console hold it. */
public final class ErasureFacade implements Erasure {
    private final ErasureHttpService http;
    private final AuditRepository audits;

    ErasureFacade(ErasureHttpService http, AuditRepository audits) {
        this.http = http;
        this.audits = audits;
    }

    public static Erasure create(Platform platform, CaseErasure cases, Processing processing) {
        return ErasureWiring.assemble(platform, cases, processing);
    }

    @Override
    public List<ErasureRecord> auditLog(Optional<String> orgId, int limit) {
        return audits.recent(orgId, limit).stream().map(Receipt::record).toList();
    }

    @Override
    public List<ErasureRecord> ofCase(String caseId) {
        return audits.ofCase(caseId).stream().map(Receipt::record).toList();
    }

    @Override
    public String name() {
        return "erasure";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        http.routes(routes);
    }
}
