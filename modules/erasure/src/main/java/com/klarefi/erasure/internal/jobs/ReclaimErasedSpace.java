package com.klarefi.erasure.internal.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * Vacuums the database shortly after erasures, so the erased rows' space is reclaimed at once
 * instead of whenever autovacuum next gets to each table. Erasures within one window share one job:
 * its id is derived from the window, and it runs when the window has closed.
 */
public record ReclaimErasedSpace(long window) implements JobRequest {
    /** How long erasures are gathered before one vacuum runs for all of them. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    /** The job for the window {@code erasedAt} falls in. */
    public static ReclaimErasedSpace after(Instant erasedAt) {
        return new ReclaimErasedSpace(erasedAt.getEpochSecond() / WINDOW.toSeconds());
    }

    /** The same id for every erasure of the window, so enqueuing it again changes nothing. */
    public UUID jobId() {
        return UUID.nameUUIDFromBytes(("reclaim-erased-space:" + window).getBytes(StandardCharsets.UTF_8));
    }

    /** When the window has closed. */
    public Instant runAt() {
        return Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
    }

    @Override
    public Class<ReclaimErasedSpaceHandler> getJobRequestHandler() {
        return ReclaimErasedSpaceHandler.class;
    }
}
