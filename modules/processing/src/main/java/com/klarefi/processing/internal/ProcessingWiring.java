package com.klarefi.processing.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.StatedValues;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import com.klarefi.processing.internal.db.CaseTypeRepository;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.fetch.DocumentFetcher;
import com.klarefi.processing.internal.fetch.FetchSettings;
import com.klarefi.processing.internal.http.CaseTypesHttpService;
import com.klarefi.processing.internal.http.DocumentRetryHttpService;
import com.klarefi.processing.internal.http.PagesHttpService;
import com.klarefi.processing.internal.http.ProcessHttpService;
import com.klarefi.processing.internal.jobs.DocumentLifecycle;
import com.klarefi.processing.internal.jobs.ProcessDocumentHandler;
import com.klarefi.processing.internal.jobs.ReconcileDocuments;
import com.klarefi.processing.internal.jobs.ReconcileDocumentsHandler;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import com.klarefi.processing.internal.pipeline.DocumentWorkers;
import com.klarefi.processing.internal.pipeline.StageBudgets;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.TextLayerSettings;
import com.klarefi.processing.internal.uploads.UploadedDocuments;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the processing module's parts from the platform; {@link ProcessingFacade} is what others hold. */
final class ProcessingWiring {
    private static final System.Logger LOG = System.getLogger(ProcessingWiring.class.getName());
    private static final String RECONCILE_IDLE = "KLAREFI_RECONCILE_IDLE_SECONDS";

    private ProcessingWiring() {}

    static Processing assemble(Platform platform, Cases cases) {
        DocumentRepository documents =
                new DocumentRepository(platform.database().jdbi());
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(platform.settings()));
        reader.ocrUnavailableReason()
                .ifPresent(reason -> LOG.log(
                        System.Logger.Level.WARNING, "scanned documents will fail with ocr_unavailable: " + reason));
        CaseTypeRegistry caseTypes = CaseTypeRegistry.create(
                platform.settings().optional("KLAREFI_CASE_TYPES_DIR").map(Path::of),
                new CaseTypeRepository(platform.database().jdbi()),
                platform.clock());
        FaultInjection faults = FaultInjection.from(platform.settings());
        faults.armed()
                .ifPresent(point -> LOG.log(
                        System.Logger.Level.WARNING,
                        "FAULT INJECTION IS ON: "
                                + FaultInjection.SETTING + "=" + point.settingValue()
                                + " halts this process on purpose (crash tests"
                                + " only; never set it in production)"));
        DocumentProcessor processor = new DocumentProcessor(
                documents,
                platform.database(),
                DocumentFetcher.create(FetchSettings.from(platform.settings())),
                reader,
                cases,
                caseTypes,
                Extractor.create(),
                platform.clock(),
                platform.metrics(),
                faults,
                DocumentWorkers.from(platform.settings()),
                StageBudgets.from(platform.settings()));
        platform.jobs().register(ProcessDocumentHandler.class, new ProcessDocumentHandler(processor));
        platform.jobs()
                .register(
                        ReconcileDocumentsHandler.class,
                        new ReconcileDocumentsHandler(
                                documents,
                                processor,
                                platform.jobs(),
                                platform.clock(),
                                reconcileIdle(platform.settings())));
        platform.jobs().recurring(ReconcileDocuments.RECURRING_ID, Duration.ofSeconds(15), new ReconcileDocuments());
        UploadedDocuments uploads = new UploadedDocuments(
                documents,
                reader,
                cases,
                FetchSettings.from(platform.settings()).maxBytes(),
                platform.clock());
        DocumentLifecycle lifecycle = new DocumentLifecycle(
                documents, processor, cases, platform.database(), platform.jobs(), platform.clock());
        return new ProcessingFacade(
                new ProcessingFacade.Routes(
                        new ProcessHttpService(
                                platform.jsonBodies(),
                                platform.idempotency(),
                                cases,
                                documents,
                                platform.jobs(),
                                caseTypes::exists,
                                platform.clock(),
                                faults),
                        new PagesHttpService(documents, platform.erasure().erasedDocuments()),
                        new CaseTypesHttpService(caseTypes),
                        new DocumentRetryHttpService(lifecycle)),
                uploads,
                StatedValues.create(),
                caseTypes,
                processor,
                lifecycle,
                documents,
                new DocumentViews(documents, reader),
                platform.jobs());
    }

    private static Duration reconcileIdle(Settings settings) {
        Duration idle = settings.seconds(RECONCILE_IDLE);
        if (idle.getSeconds() < 1) {
            throw new SettingsException(RECONCILE_IDLE + " must be at least 1");
        }
        return idle;
    }
}
