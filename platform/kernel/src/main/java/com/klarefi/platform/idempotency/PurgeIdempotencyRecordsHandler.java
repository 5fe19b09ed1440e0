package com.klarefi.platform.idempotency;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link Idempotency#purgeExpired()}; the count goes to JobRunr's job log. */
public final class PurgeIdempotencyRecordsHandler implements JobRequestHandler<PurgeIdempotencyRecords> {
    private static final System.Logger LOG = System.getLogger(PurgeIdempotencyRecordsHandler.class.getName());
    private final Idempotency idempotency;

    public PurgeIdempotencyRecordsHandler(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public void run(PurgeIdempotencyRecords request) {
        int purged = idempotency.purgeExpired();
        LOG.log(System.Logger.Level.INFO, "purged " + purged + " expired idempotency records");
    }
}
