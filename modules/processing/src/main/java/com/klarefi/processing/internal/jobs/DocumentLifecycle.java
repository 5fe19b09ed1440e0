package com.klarefi.processing.internal.jobs;

import com.klarefi.cases.api.CaseDocuments;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.processing.api.ErasableDocument;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * What happens to a document outside its processing job: an operator queues a failed one again,
 * an erasure removes one. Both forget the document's job in the same transaction, so the job's
 * deterministic id is free for the next enqueue.
 */
public final class DocumentLifecycle {
    private final DocumentRepository documents;
    private final DocumentProcessor processor;
    private final CaseDocuments cases;
    private final Database database;
    private final Jobs jobs;
    private final Clock clock;

    public DocumentLifecycle(
            DocumentRepository documents,
            DocumentProcessor processor,
            CaseDocuments cases,
            Database database,
            Jobs jobs,
            Clock clock) {
        this.documents = documents;
        this.processor = processor;
        this.cases = cases;
        this.database = database;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * The document is queued again and its old job forgotten in one transaction (document row first,
     * then its case, the order processing takes), and the job is enqueued after the commit under the
     * same deterministic id. A crash in between leaves a queued document without a job, which the
     * reconciler enqueues: the document is processed once, whatever happens.
     */
    public void retry(String docId) {
        if (documents.find(docId).isEmpty()) {
            throw ApiException.notFound("document_not_found", "There is no document " + docId + ".");
        }
        database.useTransaction(tx -> {
            if (!documents.requeueFailed(tx, docId, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                throw ApiException.of(
                        409,
                        ErrorTypes.VALIDATION,
                        "document_not_failed",
                        "Document " + docId + " has not failed, so there is nothing to retry.");
            }
            jobs.forget(tx, ProcessDocument.jobIdOf(docId));
            cases.documentRequeued(tx, docId);
        });
        ProcessDocument.enqueueAfterCommit(jobs, docId);
    }

    /** Deletes the locked document and its job, then recomputes its case's features from what remains. */
    public void erase(Tx tx, ErasableDocument document) {
        documents.delete(tx, document.docId());
        jobs.forget(tx, ProcessDocument.jobIdOf(document.docId()));
        processor.recomputeFeatures(tx, document.caseId(), document.caseTypeId());
    }
}
