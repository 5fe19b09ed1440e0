package com.klarefi.processing.internal;

import com.klarefi.cases.api.Cases;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.DocumentFetcher;
import com.klarefi.processing.api.DocumentReader;
import com.klarefi.processing.api.FetchSettings;
import com.klarefi.processing.api.TextLayerSettings;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.http.ProcessHttpService;
import com.klarefi.processing.internal.jobs.ProcessDocumentHandler;
import com.klarefi.processing.internal.jobs.ReconcileDocuments;
import com.klarefi.processing.internal.jobs.ReconcileDocumentsHandler;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import java.time.Duration;
import java.util.Set;

/** The processing module as the composition root sees it. */
public final class ProcessingWiring implements KlarefiModule {
    private static final System.Logger LOG = System.getLogger(ProcessingWiring.class.getName());
    /** The case types this version knows; configurable case types replace this list. */
    private static final Set<String> CASE_TYPES = Set.of("motor_claim", "travel_claim");
    private static final String RECONCILE_IDLE = "KLAREFI_RECONCILE_IDLE_SECONDS";

    private final ProcessHttpService http;

    private ProcessingWiring(ProcessHttpService http) {
        this.http = http;
    }

    public static KlarefiModule create(Platform platform, Cases cases) {
        DocumentRepository documents = new DocumentRepository(platform.database().jdbi());
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(platform.settings()));
        reader.ocrUnavailableReason().ifPresent(reason -> LOG.log(System.Logger.Level.WARNING,
                "scanned documents will fail with ocr_unavailable: " + reason));
        FaultInjection faults = FaultInjection.from(platform.settings());
        faults.armed().ifPresent(point -> LOG.log(System.Logger.Level.WARNING, "FAULT INJECTION IS ON: "
                + FaultInjection.SETTING + "=" + point.settingValue() + " halts this process on purpose (crash tests"
                + " only; never set it in production)"));
        DocumentProcessor processor = new DocumentProcessor(documents, platform.database(),
                DocumentFetcher.create(FetchSettings.from(platform.settings())), reader, cases, platform.clock(), faults);
        platform.jobs().register(ProcessDocumentHandler.class, new ProcessDocumentHandler(processor));
        platform.jobs().register(ReconcileDocumentsHandler.class,
                new ReconcileDocumentsHandler(documents, processor, platform.jobs(), platform.clock(),
                        reconcileIdle(platform.settings())));
        platform.jobs().recurring(ReconcileDocuments.RECURRING_ID, Duration.ofSeconds(15), new ReconcileDocuments());
        return new ProcessingWiring(new ProcessHttpService(platform.jsonBodies(), platform.idempotency(), cases,
                documents, platform.jobs(), CASE_TYPES::contains, platform.clock(), faults));
    }

    private static Duration reconcileIdle(Settings settings) {
        Duration idle = settings.seconds(RECONCILE_IDLE);
        if (idle.getSeconds() < 1) {
            throw new SettingsException(RECONCILE_IDLE + " must be at least 1");
        }
        return idle;
    }

    @Override
    public String name() {
        return "processing";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        http.routes(routes);
    }
}
