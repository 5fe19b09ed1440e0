package com.klarefi.cases.internal;

import com.klarefi.cases.api.ApplicantStatements;
import com.klarefi.cases.api.CaseEvent;
import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.api.FeatureSnapshot;
import com.klarefi.cases.api.LoggedCaseEvent;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.cases.internal.http.CasesHttpService;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;
import java.util.List;
import java.util.Optional;

/** The cases module as other modules hold it: every role, each call handed to the part that does it. */
public final class CasesFacade implements Cases {
    private final CaseService service;
    private final FeatureService featureService;
    private final CaseViews views;
    private final CaseRepository repository;
    private final FeatureRepository features;
    private final CasesHttpService http;

    CasesFacade(
            CaseService service,
            FeatureService featureService,
            CaseViews views,
            CaseRepository repository,
            FeatureRepository features,
            CasesHttpService http) {
        this.service = service;
        this.featureService = featureService;
        this.views = views;
        this.repository = repository;
        this.features = features;
        this.http = http;
    }

    public static Cases create(Platform platform) {
        return CasesWiring.assemble(platform);
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
    public LockedCase addDocument(Tx tx, Caller caller, String caseId, String docId) {
        return CaseViews.locked(service.addDocument(tx, caller, caseId, docId));
    }

    @Override
    public String openCase(Tx tx, Caller caller, CaseOpening opening) {
        return service.openCase(tx, caller, opening);
    }

    @Override
    public LockedCase lockCase(Tx tx, String caseId) {
        return views.lockCase(tx, caseId);
    }

    @Override
    public LockedCase lockCaseOfDocument(Tx tx, String docId) {
        return views.lockCaseOfDocument(tx, docId);
    }

    @Override
    public void documentFinished(Tx tx, String docId, DocumentOutcome outcome) {
        service.documentFinished(tx, docId, outcome);
    }

    @Override
    public void documentRequeued(Tx tx, String docId) {
        service.documentRequeued(tx, docId);
    }

    @Override
    public List<CaseFeature> features(String caseId) {
        return features.read(caseId);
    }

    @Override
    public void replaceFeatures(Tx tx, String caseId, List<CaseFeature> computed) {
        featureService.replace(tx, caseId, computed);
    }

    @Override
    public FeatureSnapshot featureSnapshot(Tx tx, String caseId) {
        return features.snapshot(tx, caseId);
    }

    @Override
    public void addStatementSource(ApplicantStatements source) {
        featureService.addStatementSource(source);
    }

    @Override
    public LoggedCaseEvent appendEvent(Tx tx, CaseEvent event) {
        return service.appendEvent(tx, event);
    }

    @Override
    public void addEventListener(CaseEventListener listener) {
        service.addEventListener(listener);
    }

    @Override
    public void removeDocument(Tx tx, String caseId, String docId) {
        repository.removeDocument(tx, caseId, docId);
    }

    @Override
    public void documentErased(Tx tx, String caseId, String auditId) {
        service.documentErased(tx, caseId, auditId);
    }

    @Override
    public List<DocumentOutcome> documents(String caseId) {
        return views.documents(caseId);
    }

    @Override
    public List<CaseSummary> search(CaseSearch search, int limit) {
        return views.search(search, limit);
    }

    @Override
    public Optional<CaseView> view(String caseId) {
        return views.view(caseId);
    }
}
