package com.klarefi.platform.idempotency;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The recurring job that deletes idempotency records past their retention. */
public record PurgeIdempotencyRecords() implements JobRequest {
    public static final String RECURRING_ID = "purge-idempotency-records";

    @Override
    public Class<PurgeIdempotencyRecordsHandler> getJobRequestHandler() {
        return PurgeIdempotencyRecordsHandler.class;
    }
}
