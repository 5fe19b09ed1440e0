package com.klarefi.webhooks.internal.jobs;

import com.klarefi.webhooks.internal.delivery.DeliveryService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs one attempt. A failing endpoint is not an error of the job: the attempt is logged and the
 * next one scheduled on the published schedule, so JobRunr's own retries only come into play when
 * the job itself died (a crash, a lost database), and then the same attempt runs again.
 */
public final class DeliverWebhookHandler implements JobRequestHandler<DeliverWebhook> {
    private final DeliveryService deliveries;

    public DeliverWebhookHandler(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void run(DeliverWebhook request) {
        deliveries.deliverWhenDue(request.deliveryId(), request.dispatch());
    }
}
