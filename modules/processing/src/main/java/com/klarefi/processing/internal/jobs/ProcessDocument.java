package com.klarefi.processing.internal.jobs;

import com.klarefi.platform.jobs.Jobs;
import com.klarefi.processing.internal.pipeline.DocumentProcessor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.scheduling.JobBuilder;

/** The job that turns an accepted document into page text and features. */
public record ProcessDocument(String docId) implements JobRequest {

    /** One job id per document, so enqueueing again (a retry, the reconciler) never duplicates work. */
    public static UUID jobIdOf(String docId) {
        return UUID.nameUUIDFromBytes(("process-document:" + docId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The job of one document, named by its id alone so the job dashboard shows which document it
     * is and never anything of its content. Transient failures (timeouts, 5xx) are retried by
     * JobRunr; {@link DocumentProcessor} turns the last attempt into a failure.
     */
    public static JobBuilder job(String docId) {
        return JobBuilder.aJob()
                .withId(jobIdOf(docId))
                .withName("process document " + docId)
                .withAmountOfRetries(DocumentProcessor.MAX_ATTEMPTS - 1)
                .withJobRequest(new ProcessDocument(docId));
    }

    /** After the commit; if this fails or the process dies first, the reconciler enqueues it. */
    public static void enqueueAfterCommit(Jobs jobs, String docId) {
        try {
            jobs.scheduler().create(job(docId));
            jobs.wakeUp();
        } catch (RuntimeException e) {
            System.getLogger(ProcessDocument.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "could not enqueue document " + docId + " right away; the reconciler will ("
                                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Class<ProcessDocumentHandler> getJobRequestHandler() {
        return ProcessDocumentHandler.class;
    }
}
