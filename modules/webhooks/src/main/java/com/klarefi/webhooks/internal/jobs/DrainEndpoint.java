package com.klarefi.webhooks.internal.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Sends an endpoint's waiting deliveries one after another, oldest first (after resume or replay). */
public record DrainEndpoint(String endpointId) implements JobRequest {
    @Override
    public Class<DrainEndpointHandler> getJobRequestHandler() {
        return DrainEndpointHandler.class;
    }
}
