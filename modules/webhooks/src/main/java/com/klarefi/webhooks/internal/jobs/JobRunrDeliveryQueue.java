package com.klarefi.webhooks.internal.jobs;

import com.klarefi.platform.jobs.Jobs;
import com.klarefi.webhooks.internal.db.DispatchRef;
import com.klarefi.webhooks.internal.delivery.DeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;

/**
 * Deliveries as JobRunr jobs with deterministic ids. Handing over happens on a background thread,
 * so committing an event never waits for JobRunr; if the process stops before the hand-over, the
 * reconciler finds the delivery without a job.
 */
public final class JobRunrDeliveryQueue implements DeliveryQueue, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobRunrDeliveryQueue.class.getName());

    private static final Duration IMMEDIATE = Duration.ofSeconds(1);

    private final Jobs jobs;
    private final Clock clock;
    private final ExecutorService handOver = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("webhook-dispatch").factory());

    public JobRunrDeliveryQueue(Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void dispatch(List<DispatchRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        List<DispatchRef> copy = List.copyOf(refs);
        try {
            handOver.execute(() -> handOver(copy));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(
                    System.Logger.Level.INFO,
                    copy.size() + " webhook deliveries left to the reconciler while stopping");
        }
    }

    private void handOver(List<DispatchRef> refs) {
        boolean wake = false;
        for (DispatchRef ref : refs) {
            JobBuilder job = DeliverWebhook.job(ref.deliveryId(), ref.dispatch());
            try {
                // Due now or within a second: enqueue, since a scheduled job waits for the next poll (5 s or more).
                if (ref.at().isAfter(clock.instant().plus(IMMEDIATE))) {
                    jobs.scheduler().create(job.scheduleAt(ref.at()));
                } else {
                    jobs.scheduler().create(job);
                    wake = true;
                }
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "could not hand delivery " + ref.deliveryId() + " to a job; the reconciler will: "
                                + e.getClass().getSimpleName());
            }
        }
        if (wake) {
            jobs.wakeUp();
        }
    }

    @Override
    public void drain(String endpointId) {
        jobs.enqueue(new DrainEndpoint(endpointId));
        jobs.wakeUp();
    }

    @Override
    public JobFate fate(DispatchRef ref) {
        Optional<StateName> state = jobs.stateOf(DeliverWebhook.jobIdOf(ref.deliveryId(), ref.dispatch()));
        if (state.isEmpty() || state.get() == StateName.DELETED) {
            return JobFate.MISSING;
        }
        return state.get() == StateName.FAILED || state.get() == StateName.SUCCEEDED ? JobFate.ENDED : JobFate.ALIVE;
    }

    @Override
    public void close() {
        handOver.shutdown();
        try {
            handOver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
