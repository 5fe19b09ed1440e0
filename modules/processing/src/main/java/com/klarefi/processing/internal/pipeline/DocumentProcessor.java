package com.klarefi.processing.internal.pipeline;

import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.jobs.ContentFreeException;
import com.klarefi.platform.metrics.Counter;
import com.klarefi.platform.metrics.Histogram;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.internal.casetypes.CaseTypeRegistry;
import com.klarefi.processing.internal.db.DocumentRecord;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
import com.klarefi.processing.internal.fetch.DocumentFetcher;
import com.klarefi.processing.internal.fetch.FetchedDocument;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.MediaType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One document from URL to stored page layers: fetch, store the bytes, detect the type from the
 * content, read the text layers, then in one transaction write the pages, finish the document and
 * report to its case. Every step can run again after a crash: a finished document is left alone,
 * fetched bytes are reused, pages are written only with the document's finish.
 */
public final class DocumentProcessor {
    public static final int MAX_ATTEMPTS = 4;
    private static final System.Logger LOG = System.getLogger(DocumentProcessor.class.getName());

    private final DocumentRepository documents;
    private final Database database;
    private final DocumentFetcher fetcher;
    private final DocumentReader reader;
    private final Cases cases;
    private final CaseTypeRegistry caseTypes;
    private final Extractor extractor;
    private final Clock clock;
    private final Counter outcomes;
    private final Histogram stages;
    private final FaultInjection faults;
    private final DocumentWorkers workers;
    private final StageBudgets budgets;

    public DocumentProcessor(
            DocumentRepository documents,
            Database database,
            DocumentFetcher fetcher,
            DocumentReader reader,
            Cases cases,
            CaseTypeRegistry caseTypes,
            Extractor extractor,
            Clock clock,
            Metrics metrics,
            FaultInjection faults,
            DocumentWorkers workers,
            StageBudgets budgets) {
        this.outcomes = metrics.counter(
                "klarefi_documents_total",
                "Documents finished, by outcome; detail is the text method or the failure code",
                "outcome",
                "detail");
        this.stages = metrics.histogram(
                "klarefi_document_stage_seconds",
                "Time per processing stage (fetch, text, ocr, extract)",
                Metrics.SECONDS,
                "stage");
        this.documents = documents;
        this.database = database;
        this.fetcher = fetcher;
        this.reader = reader;
        this.cases = cases;
        this.caseTypes = caseTypes;
        this.extractor = extractor;
        this.clock = clock;
        this.faults = faults;
        this.workers = workers;
        this.budgets = budgets;
    }

    /**
     * Recomputes the features of a case from all its processed documents, under the case's lock, so
     * two documents finishing at once cannot each overwrite the other's contribution.
     */
    public void recomputeFeatures(Tx tx, String caseId, String caseTypeId) {
        recomputeFeatures(tx, caseId, caseTypeId, Optional.empty());
    }

    /** Locks the case first, for a change that does not come from one of its documents (an applicant's statement). */
    public void recomputeFeatures(Tx tx, String caseId) {
        Cases.LockedCase locked = cases.lockCase(tx, caseId);
        recomputeFeatures(tx, locked.caseId(), locked.caseTypeId());
    }

    /** {@code known}: a document whose pages the transaction has just written, used as they are. */
    private void recomputeFeatures(Tx tx, String caseId, String caseTypeId, Optional<DocumentText> known) {
        Optional<CaseTypeDefinition> caseType = caseTypes.find(caseTypeId);
        if (caseType.isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "case " + caseId + " has case type " + caseTypeId
                            + ", which no longer exists; its features are left as they are");
            return;
        }
        List<DocumentText> texts = documents.textsOfCase(tx, caseId, known);
        long started = System.nanoTime();
        var result = workers.run(
                DocumentWorkers.Stage.EXTRACT,
                budgets.extract(),
                () -> extractor.extract(caseType.get().caseType(), texts));
        stages.observe((System.nanoTime() - started) / 1e9, "extract");
        cases.replaceFeatures(tx, caseId, CaseFeatures.of(result));
    }

    public void process(String docId) {
        Optional<DocumentRecord> found = documents.startAttempt(docId, now());
        if (found.isEmpty()) {
            return;
        }
        DocumentRecord document = found.get();
        long jobStarted = System.nanoTime();
        try {
            byte[] content = document.hasContent() ? documents.content(docId).orElseThrow() : fetchAndStore(document);
            faults.at(FaultInjection.Point.HALT_IN_JOB);
            MediaType type = reader.detect(content);
            if (!type.supported()) {
                throw new DocumentFailure(
                        DocumentFailure.Code.UNSUPPORTED_MEDIA_TYPE,
                        "The document is " + type.mimeType()
                                + "; supported are PDF, PNG, JPEG, TIFF, plain text and e-mail (.eml).");
            }
            long started = System.nanoTime();
            List<PageLayer> pages =
                    workers.run(DocumentWorkers.Stage.READ, budgets.read(), () -> reader.textLayers(content, type));
            boolean recognised = pages.stream().anyMatch(page -> page.method() == TextMethod.OCR);
            stages.observe((System.nanoTime() - started) / 1e9, recognised ? "ocr" : "text");
            finish(docId, type, pages);
            String method = pages.isEmpty() ? "none" : pages.getFirst().method().wireName();
            outcomes.inc("processed", method);
            logJob(document, "processed", "method=" + method + " pages=" + pages.size(), jobStarted);
        } catch (DocumentFailure failure) {
            if (failure.isTransient() && document.attempts() + 1 < MAX_ATTEMPTS) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "document " + docId + " failed transiently (" + failure.codeName() + "), attempt "
                                + (document.attempts() + 1) + " of " + MAX_ATTEMPTS + "; JobRunr retries it");
                throw failure;
            }
            fail(
                    docId,
                    failure.codeName(),
                    failure.getMessage(),
                    failure.httpStatus().isPresent() ? failure.httpStatus().getAsInt() : null);
            outcomes.inc("failed", failure.codeName());
            logJob(document, "failed", "code=" + failure.codeName(), jobStarted);
        } catch (RuntimeException unexpected) {
            // JobRunr logs this and keeps it in the job's history; the original's messages may quote
            // the document (a parser's complaint, a refused statement's values).
            throw ContentFreeException.of("processing document " + docId + " failed", unexpected);
        }
    }

    /** One key=value line per finished job (JSON fields with KLAREFI_LOG_FORMAT=json); ids only. */
    private static void logJob(DocumentRecord document, String outcome, String detail, long started) {
        LOG.log(
                System.Logger.Level.INFO,
                "job=process_document doc_id=" + document.id() + " case_id=" + document.caseId()
                        + " org=" + document.orgId() + " outcome=" + outcome + " " + detail + " attempt="
                        + (document.attempts() + 1)
                        + " duration_ms=" + (System.nanoTime() - started) / 1_000_000);
    }

    /** JobRunr exhausted its retries on an unexpected error: the document fails instead of hanging. */
    public void giveUp(String docId) {
        fail(
                docId,
                "processing_failed",
                "Processing failed repeatedly; submit the document again or contact support.",
                null);
    }

    private byte[] fetchAndStore(DocumentRecord document) {
        long started = System.nanoTime();
        FetchedDocument fetched = fetcher.fetch(document.sourceUrl());
        stages.observe((System.nanoTime() - started) / 1e9, "fetch");
        byte[] content = fetched.content();
        MediaType type = reader.detect(content);
        documents.storeContent(document.id(), content, sha256(content), type.mimeType(), fetched.status(), now());
        return content;
    }

    private void finish(String docId, MediaType type, List<PageLayer> pages) {
        database.useTransaction(tx -> {
            // Finishing first takes the document's row lock (the same order erasure takes), and finds
            // an erased document gone, so nothing is written for it.
            if (documents.markProcessed(tx, docId, pages.size(), now())) {
                documents.insertPages(tx, docId, pages);
                Cases.LockedCase locked = cases.lockCaseOfDocument(tx, docId);
                recomputeFeatures(
                        tx, locked.caseId(), locked.caseTypeId(), Optional.of(new DocumentText(docId, pages)));
                cases.documentFinished(tx, docId, DocumentOutcome.processed(docId, type.mimeType(), pages.size()));
            }
        });
    }

    private void fail(String docId, String code, String message, Integer httpStatus) {
        database.useTransaction(tx -> {
            if (documents.markFailed(tx, docId, code, message, httpStatus, now())) {
                cases.documentFinished(tx, docId, DocumentOutcome.failed(docId, code, message));
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
