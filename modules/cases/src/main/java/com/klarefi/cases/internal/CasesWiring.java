package com.klarefi.cases.internal;

import com.klarefi.cases.api.CaseEventListener;
import com.klarefi.cases.api.CaseOpening;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.FeatureSnapshot;
import com.klarefi.cases.internal.db.CaseRepository;
import com.klarefi.cases.internal.db.CaseRow;
import com.klarefi.cases.internal.db.FeatureRepository;
import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.ApplicantStatements;
import com.klarefi.cases.api.CaseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import com.klarefi.cases.api.CaseDocument;
import com.klarefi.cases.api.CaseSearch;
import com.klarefi.cases.api.CaseSummary;
import com.klarefi.cases.api.CaseView;
import com.klarefi.platform.http.Environment;
import com.klarefi.cases.internal.http.CasesHttpService;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.module.Platform;

/** The cases module as the composition root sees it. */
public final class CasesWiring implements Cases {
    private final CaseService service;
    private final CaseRepository repository;
    private final FeatureRepository features;
    private final CasesHttpService http;
    private final List<ApplicantStatements> statementSources = new CopyOnWriteArrayList<>();

    private CasesWiring(CaseService service, CaseRepository repository, FeatureRepository features, CasesHttpService http) {
        this.service = service;
        this.repository = repository;
        this.features = features;
        this.http = http;
    }

    public static Cases create(Platform platform) {
        CaseRepository repository = new CaseRepository(platform.database().jdbi());
        FeatureRepository features = new FeatureRepository(platform.database().jdbi());
        return new CasesWiring(new CaseService(repository, platform.clock()), repository, features,
                new CasesHttpService(repository, features));
    }

    @Override
    public LockedCase lockCaseOfDocument(Tx tx, String docId) {
        CaseRow row = repository.lockCaseOfDocument(tx, docId).orElseThrow(() ->
                new IllegalStateException("document " + docId + " belongs to no case"));
        return new LockedCase(row.id(), row.caseTypeId());
    }

    @Override
    public FeatureSnapshot featureSnapshot(Tx tx, String caseId) {
        return features.snapshot(tx, caseId);
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
    public void replaceFeatures(Tx tx, String caseId, List<CaseFeature> computed) {
        List<ApplicantStatement> statements = new ArrayList<>();
        statementSources.forEach(source -> statements.addAll(source.statementsOf(tx, caseId)));
        features.replace(tx, caseId, StatementMerge.merge(computed, statements));
    }

    @Override
    public void addStatementSource(ApplicantStatements source) {
        statementSources.add(source);
    }

    @Override
    public String openCase(Tx tx, Caller caller, CaseOpening opening) {
        return service.openCase(tx, caller, opening);
    }

    @Override
    public LockedCase addDocument(Tx tx, Caller caller, String caseId, String docId) {
        CaseRow row = service.addDocument(tx, caller, caseId, docId);
        return new LockedCase(row.id(), row.caseTypeId());
    }

    @Override
    public LockedCase lockCase(Tx tx, String caseId) {
        CaseRow row = repository.lockCase(tx, caseId).orElseThrow(() ->
                new IllegalArgumentException("no case " + caseId));
        return new LockedCase(row.id(), row.caseTypeId());
    }

    @Override
    public CaseEvent appendEvent(Tx tx, String caseId, String eventType, Map<String, Object> payload) {
        return service.appendEvent(tx, caseId, eventType, payload);
    }

    @Override
    public List<CaseFeature> features(String caseId) {
        return features.read(caseId);
    }

    @Override
    public List<DocumentOutcome> documents(String caseId) {
        return repository.documents(caseId).stream().map(row -> new DocumentOutcome(row.docId(), row.status(),
                row.failureCode(), row.failureMessage(), row.mediaType(), row.pageCount())).toList();
    }

    @Override
    public List<CaseSummary> search(CaseSearch search, int limit) {
        return repository.search(search, limit).stream().map(found -> summary(found.row(), found.failedDocuments())).toList();
    }

    @Override
    public Optional<CaseView> view(String caseId) {
        return repository.find(caseId).map(row -> {
            List<CaseDocument> documents = repository.documents(caseId).stream()
                    .map(document -> new CaseDocument(document.docId(), document.status(), document.failureCode(),
                            document.failureMessage(), document.mediaType(), document.pageCount()))
                    .toList();
            int failed = (int) documents.stream().filter(document -> document.status().equals("failed")).count();
            return new CaseView(summary(row, failed), documents, features.read(caseId));
        });
    }

    private static CaseSummary summary(CaseRow row, int failedDocuments) {
        return new CaseSummary(row.id(), row.orgId(), Environment.fromWire(row.environment()).orElseThrow(), row.caseTypeId(),
                row.externalCaseId(), row.status(), row.createdAt(), row.updatedAt(), failedDocuments);
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
    public void addEventListener(CaseEventListener listener) {
        service.addEventListener(listener);
    }

    @Override
    public void documentFinished(Tx tx, String docId, DocumentOutcome outcome) {
        service.documentFinished(tx, docId, outcome);
    }

    @Override
    public void documentRequeued(Tx tx, String docId) {
        service.documentRequeued(tx, docId);
    }
}
