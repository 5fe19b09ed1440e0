package com.klarefi.processing.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.StatedValues;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.api.Documents;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.api.PageText;
import com.klarefi.processing.api.Processing;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import com.klarefi.processing.internal.db.CaseTypeRepository;
import com.klarefi.processing.internal.db.DocumentRecord;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.fetch.DocumentFetcher;
import com.klarefi.processing.internal.fetch.FetchSettings;
import com.klarefi.processing.internal.http.CaseTypesHttpService;
import com.klarefi.processing.internal.http.PagesHttpService;
import com.klarefi.processing.internal.http.ProcessHttpService;
import com.klarefi.processing.internal.jobs.ProcessDocument;
import com.klarefi.processing.internal.jobs.ProcessDocumentHandler;
import com.klarefi.processing.internal.jobs.ReconcileDocuments;
import com.klarefi.processing.internal.jobs.ReconcileDocumentsHandler;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.TextLayerSettings;
import com.klarefi.processing.internal.uploads.UploadedDocuments;
import com.klarefi.processing.internal.pipeline.DocumentWorkers;
import com.klarefi.processing.internal.pipeline.StageBudgets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processing module as the composition root sees it. */
public final class ProcessingWiring implements Processing {
    private static final System.Logger LOG = System.getLogger(ProcessingWiring.class.getName());
    private static final String RECONCILE_IDLE = "KLAREFI_RECONCILE_IDLE_SECONDS";

    private final ProcessHttpService http;
    private final PagesHttpService pagesHttp;
    private final CaseTypesHttpService caseTypesHttp;
    private final Services services;

    /** What the facade delegates to. */
    private record Services(UploadedDocuments uploads, StatedValues statedValues, CaseTypeRegistry caseTypes,
                            DocumentProcessor processor, DocumentRepository documents, Cases cases, Jobs jobs,
                            DocumentReader reader, Database database, Clock clock) {
    }

    private ProcessingWiring(ProcessHttpService http, PagesHttpService pagesHttp, CaseTypesHttpService caseTypesHttp,
                             Services services) {
        this.http = http;
        this.pagesHttp = pagesHttp;
        this.caseTypesHttp = caseTypesHttp;
        this.services = services;
    }

    @Override
    public Optional<ErasableDocument> lockForErasure(Tx tx, Caller caller, String docId) {
        return services.documents().lockForErasure(tx, caller, docId);
    }

    @Override
    public void eraseDocument(Tx tx, ErasableDocument document) {
        services.documents().delete(tx, document.docId());
        services.jobs().forget(tx, ProcessDocument.jobIdOf(document.docId()));
        services.processor().recomputeFeatures(tx, document.caseId(), document.caseTypeId());
    }

    public static Processing create(Platform platform, Cases cases) {
        DocumentRepository documents = new DocumentRepository(platform.database().jdbi());
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(platform.settings()));
        reader.ocrUnavailableReason().ifPresent(reason -> LOG.log(System.Logger.Level.WARNING,
                "scanned documents will fail with ocr_unavailable: " + reason));
        CaseTypeRegistry caseTypes = CaseTypeRegistry.create(platform.settings().optional("KLAREFI_CASE_TYPES_DIR").map(Path::of),
                new CaseTypeRepository(platform.database().jdbi()), platform.clock());
        FaultInjection faults = FaultInjection.from(platform.settings());
        faults.armed().ifPresent(point -> LOG.log(System.Logger.Level.WARNING, "FAULT INJECTION IS ON: "
                + FaultInjection.SETTING + "=" + point.settingValue() + " halts this process on purpose (crash tests"
                + " only; never set it in production)"));
        DocumentProcessor processor = new DocumentProcessor(documents, platform.database(),
                DocumentFetcher.create(FetchSettings.from(platform.settings())), reader, cases, caseTypes,
                Extractor.create(), platform.clock(), platform.metrics(), faults, DocumentWorkers.from(platform.settings()),
                StageBudgets.from(platform.settings()));
        platform.jobs().register(ProcessDocumentHandler.class, new ProcessDocumentHandler(processor));
        platform.jobs().register(ReconcileDocumentsHandler.class,
                new ReconcileDocumentsHandler(documents, processor, platform.jobs(), platform.clock(),
                        reconcileIdle(platform.settings())));
        platform.jobs().recurring(ReconcileDocuments.RECURRING_ID, Duration.ofSeconds(15), new ReconcileDocuments());
        UploadedDocuments uploads = new UploadedDocuments(documents, reader, cases,
                FetchSettings.from(platform.settings()).maxBytes(), platform.clock());
        return new ProcessingWiring(new ProcessHttpService(platform.jsonBodies(), platform.idempotency(), cases,
                documents, platform.jobs(), caseTypes::exists, platform.clock(), faults),
                new PagesHttpService(documents, platform.erasure().erasedDocuments()), new CaseTypesHttpService(caseTypes),
                new Services(uploads, StatedValues.create(), caseTypes, processor, documents, cases, platform.jobs(), reader,
                        platform.database(), platform.clock()));
    }

    /**
     * The document is queued again and its old job forgotten in one transaction (document row first,
     * then its case, the order processing takes), and the job is enqueued after the commit under the
     * same deterministic id. A crash in between leaves a queued document without a job, which the
     * reconciler enqueues: the document is processed once, whatever happens.
     */
    @Override
    public void retryDocument(String docId) {
        if (services.documents().find(docId).isEmpty()) {
            throw ApiException.notFound("document_not_found", "There is no document " + docId + ".");
        }
        services.database().useTransaction(tx -> {
            if (!services.documents().requeueFailed(tx, docId, services.clock().instant().truncatedTo(ChronoUnit.MICROS))) {
                throw ApiException.of(409, ErrorTypes.VALIDATION, "document_not_failed",
                        "Document " + docId + " has not failed, so there is nothing to retry.");
            }
            services.jobs().forget(tx, ProcessDocument.jobIdOf(docId));
            services.cases().documentRequeued(tx, docId);
        });
        ProcessDocument.enqueueAfterCommit(services.jobs(), docId);
    }

    @Override
    public String acceptUpload(Tx tx, Caller caller, String caseId, byte[] content, String filename) {
        return services.uploads().accept(tx, caller, caseId, content, filename);
    }

    @Override
    public void enqueue(String docId) {
        ProcessDocument.enqueueAfterCommit(services.jobs(), docId);
    }

    @Override
    public long maxDocumentBytes() {
        return services.uploads().maxBytes();
    }

    @Override
    public Optional<CaseType> caseType(String caseTypeId) {
        return services.caseTypes().find(caseTypeId).map(CaseTypeRegistry.Entry::caseType);
    }

    @Override
    public Optional<String> normalize(FeatureDefinition feature, String typed) {
        return services.statedValues().normalize(feature, typed);
    }

    @Override
    public void recomputeFeatures(Tx tx, String caseId) {
        Cases.LockedCase locked = services.cases().lockCase(tx, caseId);
        services.processor().recomputeFeatures(tx, locked.caseId(), locked.caseTypeId());
    }

    private static Duration reconcileIdle(Settings settings) {
        Duration idle = settings.seconds(RECONCILE_IDLE);
        if (idle.getSeconds() < 1) {
            throw new SettingsException(RECONCILE_IDLE + " must be at least 1");
        }
        return idle;
    }

    @Override
    public List<CaseTypeDefinition> caseTypes() {
        return services.caseTypes().all().stream().map(ProcessingWiring::definition).toList();
    }

    @Override
    public Optional<CaseTypeDefinition> caseTypeDefinition(String caseTypeId) {
        return services.caseTypes().find(caseTypeId).map(ProcessingWiring::definition);
    }

    @Override
    public CaseTypeDefinition putCaseType(String caseTypeId, String json) {
        return definition(services.caseTypes().put(caseTypeId, json));
    }

    @Override
    public Optional<String> documentSource(String docId) {
        return services.documents().find(docId).map(DocumentRecord::sourceUrl);
    }

    @Override
    public Optional<PageText> pageText(String orgId, Environment environment, String docId, int pageIndex) {
        return services.documents().page(new Caller(orgId, environment, "operator"), docId, pageIndex)
                .map(page -> new PageText(docId, page.pageIndex(), page.textMethod(), page.text(), page.pageCount(),
                        page.width(), page.height(), page.words()));
    }

    @Override
    public Optional<byte[]> pageImage(String orgId, Environment environment, String docId, int pageIndex, int maxWidth) {
        if (services.documents().stateFor(new Caller(orgId, environment, "operator"), docId).isEmpty()
                || !services.documents().find(docId).map(DocumentRecord::hasContent).orElse(false)) {
            return Optional.empty();
        }
        return services.documents().content(docId).flatMap(content -> services.reader().pageImage(content, services.reader().detect(content), pageIndex, maxWidth));
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
        pagesHttp.routes(routes);
    }

    @Override
    public void adminRoutes(ApiRoutes routes) {
        caseTypesHttp.adminRoutes(routes);
        routes.post("/documents/{docId}/retry", (request, response) -> {
            String docId = request.path().pathParameters().get("docId");
            if (request.content().hasEntity()) {
                // The retry takes no body; one sent anyway is read and dropped, so a refusal can be answered cleanly.
                request.content().consume();
            }
            retryDocument(docId);
            Responses.json(response, 202, Map.of("doc_id", docId, "status", "queued"));
        });
    }
}
