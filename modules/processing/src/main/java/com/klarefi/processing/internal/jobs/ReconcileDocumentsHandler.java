package com.klarefi.processing.internal.jobs;

import com.klarefi.platform.jobs.Jobs;
import com.klarefi.processing.internal.db.DocumentRepository;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;

/**
 * The safety net behind "accepted means processed": the API commits the document and then
 * enqueues its job, and a crash in between would leave a document without a job. This finds
 * unfinished documents idle for a while and enqueues the job JobRunr does not have (same
 * deterministic id, so nothing runs twice); a job JobRunr gave up on fails its document.
 */
public final class ReconcileDocumentsHandler implements JobRequestHandler<ReconcileDocuments> {
    private static final System.Logger LOG = System.getLogger(ReconcileDocumentsHandler.class.getName());

    private final DocumentRepository documents;
    private final DocumentProcessor processor;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration idle;

    /**
     * {@code idle}: how long an unfinished document must have been untouched before it counts as
     * lost; shorter than the time from commit to enqueue only costs a harmless duplicate enqueue.
     */
    public ReconcileDocumentsHandler(
            DocumentRepository documents, DocumentProcessor processor, Jobs jobs, Clock clock, Duration idle) {
        this.documents = documents;
        this.processor = processor;
        this.jobs = jobs;
        this.clock = clock;
        this.idle = idle;
    }

    @Override
    public void run(ReconcileDocuments request) {
        int enqueued = 0;
        for (String docId : documents.stale(clock.instant().minus(idle), 500)) {
            UUID jobId = ProcessDocument.jobIdOf(docId);
            Optional<StateName> state = jobs.stateOf(jobId);
            if (state.isEmpty() || state.get() == StateName.DELETED) {
                jobs.scheduler().create(ProcessDocument.job(docId));
                enqueued++;
            } else if (state.get() == StateName.FAILED) {
                processor.giveUp(docId);
            }
        }
        if (enqueued > 0) {
            LOG.log(System.Logger.Level.WARNING, "re-enqueued " + enqueued + " accepted documents that had no job");
            jobs.wakeUp();
        }
    }
}
