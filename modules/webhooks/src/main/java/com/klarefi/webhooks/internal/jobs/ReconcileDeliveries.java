package com.klarefi.webhooks.internal.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Recurring: finds due deliveries whose job went missing or died and hands them a job again. */
public record ReconcileDeliveries() implements JobRequest {
    public static final String RECURRING_ID = "reconcile-webhook-deliveries";

    @Override
    public Class<ReconcileDeliveriesHandler> getJobRequestHandler() {
        return ReconcileDeliveriesHandler.class;
    }
}
