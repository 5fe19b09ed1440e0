package com.klarefi.webhooks.internal.jobs;

import com.klarefi.webhooks.internal.delivery.DeliveryService;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link DrainEndpoint}. */
public final class DrainEndpointHandler implements JobRequestHandler<DrainEndpoint> {
    private final DeliveryService deliveries;

    public DrainEndpointHandler(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void run(DrainEndpoint request) {
        deliveries.drain(request.endpointId());
    }
}
