package com.klarefi.webhooks.internal.jobs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.scheduling.JobBuilder;

/** Sends one delivery; only the job with the delivery's current dispatch number may. */
public record DeliverWebhook(String deliveryId, int dispatch) implements JobRequest {

    /** The same delivery and dispatch always give the same job id, so enqueueing again is harmless. */
    public static UUID jobIdOf(String deliveryId, int dispatch) {
        return UUID.nameUUIDFromBytes(
                ("webhook-delivery:" + deliveryId + ":" + dispatch).getBytes(StandardCharsets.UTF_8));
    }

    /** The job of one dispatch, named by ids alone so the job dashboard never shows a payload. */
    public static JobBuilder job(String deliveryId, int dispatch) {
        return JobBuilder.aJob()
                .withId(jobIdOf(deliveryId, dispatch))
                .withName("deliver webhook " + deliveryId + " (dispatch " + dispatch + ")")
                .withJobRequest(new DeliverWebhook(deliveryId, dispatch));
    }

    @Override
    public Class<DeliverWebhookHandler> getJobRequestHandler() {
        return DeliverWebhookHandler.class;
    }
}
