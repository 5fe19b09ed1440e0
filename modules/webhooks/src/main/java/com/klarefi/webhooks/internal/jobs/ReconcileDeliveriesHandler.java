package com.klarefi.webhooks.internal.jobs;

import com.klarefi.webhooks.internal.delivery.DeliveryService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link ReconcileDeliveries}. */
public final class ReconcileDeliveriesHandler implements JobRequestHandler<ReconcileDeliveries> {
    private final DeliveryService deliveries;

    public ReconcileDeliveriesHandler(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void run(ReconcileDeliveries request) {
        deliveries.reconcile();
    }
}
