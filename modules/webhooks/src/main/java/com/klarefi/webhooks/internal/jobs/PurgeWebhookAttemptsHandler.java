package com.klarefi.webhooks.internal.jobs;

import com.klarefi.webhooks.internal.db.DeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link PurgeWebhookAttempts}. */
public final class PurgeWebhookAttemptsHandler implements JobRequestHandler<PurgeWebhookAttempts> {
    private static final System.Logger LOG = System.getLogger(PurgeWebhookAttemptsHandler.class.getName());
    private final DeliveryRepository deliveries;
    private final Duration retention;
    private final Clock clock;

    public PurgeWebhookAttemptsHandler(DeliveryRepository deliveries, Duration retention, Clock clock) {
        this.deliveries = deliveries;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void run(PurgeWebhookAttempts request) {
        int purged = deliveries.purge(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "purged " + purged + " webhook attempt logs older than " + retention.toDays() + " days");
        }
    }
}
