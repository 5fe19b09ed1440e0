package com.klarefi.processing.internal.jobs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The job that turns an accepted document into page text and features. */
public record ProcessDocument(String docId) implements JobRequest {

    /** One job id per document, so enqueueing again (a retry, the reconciler) never duplicates work. */
    public static UUID jobIdOf(String docId) {
        return UUID.nameUUIDFromBytes(("process-document:" + docId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Class<ProcessDocumentHandler> getJobRequestHandler() {
        return ProcessDocumentHandler.class;
    }
}
