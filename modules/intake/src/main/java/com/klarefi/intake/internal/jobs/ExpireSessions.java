package com.klarefi.intake.internal.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Recurring: records open sessions past their expiry as expired and tells their cases. */
public record ExpireSessions() implements JobRequest {
    public static final String RECURRING_ID = "expire-intake-sessions";

    @Override
    public Class<ExpireSessionsHandler> getJobRequestHandler() {
        return ExpireSessionsHandler.class;
    }
}
