package com.klarefi.processing.internal.jobs;

import com.klarefi.platform.jobs.Jobs;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The job that turns an accepted document into page text and features. */
public record ProcessDocument(String docId) implements JobRequest {

    /** One job id per document, so enqueueing again (a retry, the reconciler) never duplicates work. */
    public static UUID jobIdOf(String docId) {
        return UUID.nameUUIDFromBytes(("process-document:" + docId).getBytes(StandardCharsets.UTF_8));
    }

    /** After the commit; if this fails or the process dies first, the reconciler enqueues it. */
    public static void enqueueAfterCommit(Jobs jobs, String docId) {
        try {
            jobs.enqueue(jobIdOf(docId), new ProcessDocument(docId));
            jobs.wakeUp();
        } catch (RuntimeException e) {
            System.getLogger(ProcessDocument.class.getName()).log(System.Logger.Level.WARNING, "could not enqueue document "
                    + docId + " right away; the reconciler will (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Class<ProcessDocumentHandler> getJobRequestHandler() {
        return ProcessDocumentHandler.class;
    }
}
