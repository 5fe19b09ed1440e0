package com.klarefi.processing.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.Caller;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.api.Processing;
import java.util.Optional;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.DocumentFetcher;
import com.klarefi.processing.api.DocumentReader;
import com.klarefi.processing.api.FetchSettings;
import com.klarefi.processing.api.TextLayerSettings;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.http.ProcessHttpService;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.processing.internal.jobs.ProcessDocument;
import com.klarefi.processing.internal.jobs.ProcessDocumentHandler;
import com.klarefi.processing.internal.jobs.ReconcileDocuments;
import com.klarefi.processing.internal.jobs.ReconcileDocumentsHandler;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import java.time.Duration;
import com.klarefi.processing.api.Extractor;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import com.klarefi.processing.internal.db.CaseTypeRepository;
import com.klarefi.processing.internal.http.CaseTypesHttpService;
import java.nio.file.Path;
import java.util.List;
import com.klarefi.platform.http.Environment;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.api.PageText;

/** The processing module as the composition root sees it. */
public final class ProcessingWiring implements Processing {
    private static final System.Logger LOG = System.getLogger(ProcessingWiring.class.getName());
    private final ProcessHttpService http;
    private final CaseTypesHttpService caseTypesHttp;
    private final DocumentRepository documents;
    private final DocumentProcessor processor;
    private final Jobs jobs;
    private final CaseTypeRegistry caseTypes;

    private ProcessingWiring(ProcessHttpService http, CaseTypesHttpService caseTypesHttp, DocumentRepository documents,
                             DocumentProcessor processor, Jobs jobs, CaseTypeRegistry caseTypes) {
        this.jobs = jobs;
        this.caseTypes = caseTypes;
        this.http = http;
        this.caseTypesHttp = caseTypesHttp;
        this.documents = documents;
        this.processor = processor;
    }

    @Override
    public Optional<ErasableDocument> lockForErasure(Tx tx, Caller caller, String docId) {
        return documents.lockForErasure(tx, caller, docId);
    }

    @Override
    public void eraseDocument(Tx tx, ErasableDocument document) {
        documents.delete(tx, document.docId());
        jobs.forget(tx, ProcessDocument.jobIdOf(document.docId()));
        processor.recomputeFeatures(tx, document.caseId(), document.caseTypeId());
    }

    public static Processing create(Platform platform, Cases cases) {
        DocumentRepository documents = new DocumentRepository(platform.database().jdbi());
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(platform.settings()));
        reader.ocrUnavailableReason().ifPresent(reason -> LOG.log(System.Logger.Level.WARNING,
                "scanned documents will fail with ocr_unavailable: " + reason));
        CaseTypeRegistry caseTypes = CaseTypeRegistry.create(platform.settings().optional("KLAREFI_CASE_TYPES_DIR").map(Path::of),
                new CaseTypeRepository(platform.database().jdbi()), platform.clock());
        DocumentProcessor processor = new DocumentProcessor(documents, platform.database(),
                DocumentFetcher.create(FetchSettings.from(platform.settings())), reader, cases, caseTypes,
                Extractor.create(), platform.clock(), platform.metrics());
        platform.jobs().register(ProcessDocumentHandler.class, new ProcessDocumentHandler(processor));
        platform.jobs().register(ReconcileDocumentsHandler.class,
                new ReconcileDocumentsHandler(documents, processor, platform.jobs(), platform.clock()));
        platform.jobs().recurring(ReconcileDocuments.RECURRING_ID, Duration.ofSeconds(15), new ReconcileDocuments());
        return new ProcessingWiring(new ProcessHttpService(platform.jsonBodies(), platform.idempotency(), cases,
                documents, platform.jobs(), caseTypes::exists, platform.clock()), new CaseTypesHttpService(caseTypes),
                documents, processor, platform.jobs(), caseTypes);
    }

    @Override
    public List<CaseTypeDefinition> caseTypes() {
        return caseTypes.all().stream().map(ProcessingWiring::definition).toList();
    }

    @Override
    public Optional<CaseTypeDefinition> caseType(String caseTypeId) {
        return caseTypes.find(caseTypeId).map(ProcessingWiring::definition);
    }

    @Override
    public CaseTypeDefinition putCaseType(String caseTypeId, String json) {
        return definition(caseTypes.put(caseTypeId, json));
    }

    @Override
    public Optional<PageText> pageText(String orgId, Environment environment, String docId, int pageIndex) {
        return documents.page(new Caller(orgId, environment, "operator"), docId, pageIndex)
                .map(page -> new PageText(docId, page.pageIndex(), page.textMethod(), page.text(), page.pageCount()));
    }

    private static CaseTypeDefinition definition(CaseTypeRegistry.Entry entry) {
        return new CaseTypeDefinition(entry.caseType(), entry.definition(), entry.source());
    }

    @Override
    public String name() {
        return "processing";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        http.routes(routes);
    }

    @Override
    public void adminRoutes(ApiRoutes routes) {
        caseTypesHttp.adminRoutes(routes);
    }
}
