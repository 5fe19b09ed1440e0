package com.klarefi.cases.internal;

import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.http.CasesHttpService;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;

/** The cases module as the composition root sees it. */
public final class CasesWiring implements Cases {
    private final CaseService service;
    private final CasesHttpService http;

    private CasesWiring(CaseService service, CasesHttpService http) {
        this.service = service;
        this.http = http;
    }

    public static Cases create(Platform platform) {
        CaseRepository repository = new CaseRepository(platform.database().jdbi());
        return new CasesWiring(new CaseService(repository, platform.clock()), new CasesHttpService(repository));
    }

    @Override
    public String name() {
        return "cases";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        http.routes(routes);
    }

    @Override
    public String addDocument(Tx tx, Caller caller, CaseOpening opening, String docId) {
        return service.addDocument(tx, caller, opening, docId);
    }

    @Override
    public void addEventListener(com.klarefi.cases.api.CaseEventListener listener) {
        service.addEventListener(listener);
    }

    @Override
    public void documentFinished(Tx tx, String docId, DocumentOutcome outcome) {
        service.documentFinished(tx, docId, outcome);
    }
}
