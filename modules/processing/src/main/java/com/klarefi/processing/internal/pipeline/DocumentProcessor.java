package com.klarefi.processing.internal.pipeline;

import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.DocumentOutcome;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFetcher;
import com.klarefi.processing.api.DocumentReader;
import com.klarefi.processing.api.FetchedDocument;
import com.klarefi.processing.api.MediaType;
import com.klarefi.processing.api.PageLayer;
import com.klarefi.processing.internal.db.DocumentRecord;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.faults.FaultInjection;
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
 * fetched bytes are reused, pages are replaced rather than added.
 */
public final class DocumentProcessor {
    public static final int MAX_ATTEMPTS = 4;
    private static final System.Logger LOG = System.getLogger(DocumentProcessor.class.getName());

    private final DocumentRepository documents;
    private final Database database;
    private final DocumentFetcher fetcher;
    private final DocumentReader reader;
    private final Cases cases;
    private final Clock clock;
    private final FaultInjection faults;

    public DocumentProcessor(DocumentRepository documents, Database database, DocumentFetcher fetcher,
                             DocumentReader reader, Cases cases, Clock clock, FaultInjection faults) {
        this.documents = documents;
        this.database = database;
        this.fetcher = fetcher;
        this.reader = reader;
        this.cases = cases;
        this.clock = clock;
        this.faults = faults;
    }

    public void process(String docId) {
        Optional<DocumentRecord> found = documents.find(docId);
        if (found.isEmpty() || found.get().finished() || !documents.startAttempt(docId, now())) {
            return;
        }
        DocumentRecord document = found.get();
        try {
            byte[] content = document.hasContent()
                    ? documents.content(docId).orElseThrow()
                    : fetchAndStore(document);
            faults.at(FaultInjection.Point.HALT_IN_JOB);
            MediaType type = reader.detect(content);
            if (!type.supported()) {
                throw new DocumentFailure(DocumentFailure.Code.UNSUPPORTED_MEDIA_TYPE,
                        "The document is " + type.mimeType() + "; supported are PDF, PNG, JPEG, TIFF, plain text and e-mail (.eml).");
            }
            List<PageLayer> pages = reader.textLayers(content, type);
            finish(docId, type, pages);
        } catch (DocumentFailure failure) {
            if (failure.isTransient() && document.attempts() + 1 < MAX_ATTEMPTS) {
                LOG.log(System.Logger.Level.INFO, "document " + docId + " failed transiently (" + failure.codeName()
                        + "), attempt " + (document.attempts() + 1) + " of " + MAX_ATTEMPTS + "; JobRunr retries it");
                throw failure;
            }
            fail(docId, failure.codeName(), failure.getMessage(), failure.httpStatus().isPresent() ? failure.httpStatus().getAsInt() : null);
        }
    }

    /** JobRunr exhausted its retries on an unexpected error: the document fails instead of hanging. */
    public void giveUp(String docId) {
        fail(docId, "processing_failed", "Processing failed repeatedly; submit the document again or contact support.", null);
    }

    private byte[] fetchAndStore(DocumentRecord document) {
        FetchedDocument fetched = fetcher.fetch(document.sourceUrl());
        byte[] content = fetched.content();
        MediaType type = reader.detect(content);
        documents.storeContent(document.id(), content, sha256(content), type.mimeType(), fetched.status(), now());
        return content;
    }

    private void finish(String docId, MediaType type, List<PageLayer> pages) {
        database.jdbi().useTransaction(handle -> {
            Tx tx = new Tx(handle);
            documents.replacePages(tx, docId, pages);
            if (documents.markProcessed(tx, docId, pages.size(), now())) {
                cases.documentFinished(tx, docId, DocumentOutcome.processed(docId, type.mimeType(), pages.size()));
            }
        });
    }

    private void fail(String docId, String code, String message, Integer httpStatus) {
        database.jdbi().useTransaction(handle -> {
            Tx tx = new Tx(handle);
            if (documents.markFailed(tx, docId, code, message, httpStatus, now())) {
                cases.documentFinished(tx, docId, DocumentOutcome.failed(docId, code, message));
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
