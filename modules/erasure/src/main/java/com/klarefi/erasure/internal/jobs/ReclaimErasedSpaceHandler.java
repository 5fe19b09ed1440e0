package com.klarefi.erasure.internal.jobs;

import com.klarefi.erasure.internal.db.SpaceReclaimer;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs the vacuum an erasure asked for; a failure is retried by JobRunr, and autovacuum remains behind it. */
public final class ReclaimErasedSpaceHandler implements JobRequestHandler<ReclaimErasedSpace> {
    private final SpaceReclaimer reclaimer;

    public ReclaimErasedSpaceHandler(SpaceReclaimer reclaimer) {
        this.reclaimer = reclaimer;
    }

    @Override
    public void run(ReclaimErasedSpace request) {
        reclaimer.vacuumEveryTable();
    }
}
