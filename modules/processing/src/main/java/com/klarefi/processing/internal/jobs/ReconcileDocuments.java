package com.klarefi.processing.internal.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Recurring: finds accepted documents whose job went missing and enqueues it. */
public record ReconcileDocuments() implements JobRequest {
    public static final String RECURRING_ID = "reconcile-documents";

    @Override
    public Class<ReconcileDocumentsHandler> getJobRequestHandler() {
        return ReconcileDocumentsHandler.class;
    }
}
