package com.klarefi.webhooks.api;

import com.klarefi.platform.module.KlarefiModule;

/**
 * The webhooks module as the composition root sees it: admin routes for endpoints and deliveries,
 * public routes for the test event and the event-type catalogue. Closing it stops handing
 * deliveries to jobs; anything not handed over yet is picked up by the reconciler.
 */
public interface Webhooks extends KlarefiModule, AutoCloseable {
    /** Endpoints and deliveries for the admin dashboard. */
    WebhookAdmin admin();

    @Override
    void close();
}
