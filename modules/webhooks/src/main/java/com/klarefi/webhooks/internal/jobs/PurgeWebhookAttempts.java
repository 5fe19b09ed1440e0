package com.klarefi.webhooks.internal.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Recurring: deletes attempt logs and finished deliveries past the retention period. */
public record PurgeWebhookAttempts() implements JobRequest {
    public static final String RECURRING_ID = "purge-webhook-attempts";

    @Override
    public Class<PurgeWebhookAttemptsHandler> getJobRequestHandler() {
        return PurgeWebhookAttemptsHandler.class;
    }
}
