package com.klarefi.processing.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.StatedValues;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.api.PageText;
import com.klarefi.processing.api.Processing;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.http.CaseTypesHttpService;
import com.klarefi.processing.internal.http.DocumentRetryHttpService;
import com.klarefi.processing.internal.http.PagesHttpService;
import com.klarefi.processing.internal.http.ProcessHttpService;
import com.klarefi.processing.internal.jobs.DocumentLifecycle;
import com.klarefi.processing.internal.jobs.ProcessDocument;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import com.klarefi.processing.internal.uploads.UploadedDocuments;
import java.util.List;
import java.util.Optional;

/** The processing module as other modules hold it: each call handed to the part that does it. */
public final class ProcessingFacade implements Processing {
    /** The module's HTTP services. */
    record Routes(
            ProcessHttpService process,
            PagesHttpService pages,
            CaseTypesHttpService caseTypes,
            DocumentRetryHttpService retry) {}

    private final Routes routes;
    private final UploadedDocuments uploads;
    private final StatedValues statedValues;
    private final CaseTypeRegistry caseTypes;
    private final DocumentProcessor processor;
    private final DocumentLifecycle lifecycle;
    private final DocumentRepository documents;
    private final DocumentViews views;
    private final Jobs jobs;

    ProcessingFacade(
            Routes routes,
            UploadedDocuments uploads,
            StatedValues statedValues,
            CaseTypeRegistry caseTypes,
            DocumentProcessor processor,
            DocumentLifecycle lifecycle,
            DocumentRepository documents,
            DocumentViews views,
            Jobs jobs) {
        this.routes = routes;
        this.uploads = uploads;
        this.statedValues = statedValues;
        this.caseTypes = caseTypes;
        this.processor = processor;
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.views = views;
        this.jobs = jobs;
    }

    public static Processing create(Platform platform, Cases cases) {
        return ProcessingWiring.assemble(platform, cases);
    }

    @Override
    public String name() {
        return "processing";
    }

    @Override
    public void apiRoutes(ApiRoutes api) {
        routes.process().routes(api);
        routes.pages().routes(api);
    }

    @Override
    public void adminRoutes(ApiRoutes admin) {
        routes.caseTypes().adminRoutes(admin);
        routes.retry().adminRoutes(admin);
    }

    @Override
    public Optional<ErasableDocument> lockForErasure(Tx tx, Caller caller, String docId) {
        return documents.lockForErasure(tx, caller, docId);
    }

    @Override
    public void eraseDocument(Tx tx, ErasableDocument document) {
        lifecycle.erase(tx, document);
    }

    @Override
    public void retryDocument(String docId) {
        lifecycle.retry(docId);
    }

    @Override
    public String acceptUpload(Tx tx, Caller caller, String caseId, byte[] content, String filename) {
        return uploads.accept(tx, caller, caseId, content, filename);
    }

    @Override
    public void enqueue(String docId) {
        ProcessDocument.enqueueAfterCommit(jobs, docId);
    }

    @Override
    public long maxDocumentBytes() {
        return uploads.maxBytes();
    }

    @Override
    public Optional<CaseType> caseType(String caseTypeId) {
        return caseTypes.find(caseTypeId).map(CaseTypeDefinition::caseType);
    }

    @Override
    public Optional<String> normalize(FeatureDefinition feature, String typed) {
        return statedValues.normalize(feature, typed);
    }

    @Override
    public void recomputeFeatures(Tx tx, String caseId) {
        processor.recomputeFeatures(tx, caseId);
    }

    @Override
    public List<CaseTypeDefinition> caseTypes() {
        return caseTypes.all();
    }

    @Override
    public Optional<CaseTypeDefinition> caseTypeDefinition(String caseTypeId) {
        return caseTypes.find(caseTypeId);
    }

    @Override
    public CaseTypeDefinition putCaseType(String caseTypeId, String json) {
        return caseTypes.put(caseTypeId, json);
    }

    @Override
    public Optional<String> documentSource(String docId) {
        return views.source(docId);
    }

    @Override
    public Optional<PageText> pageText(String orgId, Environment environment, String docId, int pageIndex) {
        return views.pageText(orgId, environment, docId, pageIndex);
    }

    @Override
    public Optional<byte[]> pageImage(
            String orgId, Environment environment, String docId, int pageIndex, int maxWidth) {
        return views.pageImage(orgId, environment, docId, pageIndex, maxWidth);
    }
}
