package com.klarefi.webhooks.internal.delivery;

import com.klarefi.webhooks.internal.db.DispatchRef;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rings in this process when a retry is due. JobRunr with SQL storage looks for scheduled jobs
 * once per poll interval (5 s at least), and a due job then waits for a free worker, which let the
 * schedule's 5 s retry leave up to 6 s late; the alarm sends the delivery at its time. The
 * scheduled job stays as the safety net when the process stops before its alarm rings: it delivers
 * as before. When the alarm did ring, the job finds the delivery sent or being sent and ends.
 */
final class RetryAlarm implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RetryAlarm.class.getName());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-retry-alarm").daemon().factory());
    private final Clock clock;

    RetryAlarm(Clock clock) {
        this.clock = clock;
    }

    /** Calls {@code ring} with the reference at its due time; a reference due now needs no alarm. */
    void arm(DispatchRef ref, Consumer<DispatchRef> ring) {
        long waitMillis = Duration.between(clock.instant(), ref.at()).toMillis();
        if (waitMillis <= 0) {
            return;
        }
        try {
            timer.schedule(
                    () -> {
                        try {
                            ring.accept(ref);
                        } catch (RuntimeException e) {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "retry alarm for delivery " + ref.deliveryId()
                                            + " failed; its scheduled job will send it: "
                                            + e.getClass().getSimpleName());
                        }
                    },
                    waitMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closing: the scheduled job sends it
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
