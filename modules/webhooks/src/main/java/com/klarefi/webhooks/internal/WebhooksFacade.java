package com.klarefi.webhooks.internal;

import com.klarefi.cases.api.CaseEventLog;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.module.Platform;
import com.klarefi.webhooks.api.WebhookAdmin;
import com.klarefi.webhooks.api.Webhooks;
import com.klarefi.webhooks.internal.delivery.DeliveryService;
import com.klarefi.webhooks.internal.http.WebhooksAdminHttpService;
import com.klarefi.webhooks.internal.http.WebhooksApiHttpService;
import com.klarefi.webhooks.internal.jobs.JobRunrDeliveryQueue;

/** The webhooks module as the composition root and the console hold it: its routes, the operators' admin, closing. */
public final class WebhooksFacade implements Webhooks {
    private final WebhooksAdminHttpService admin;
    private final WebhooksApiHttpService api;
    private final JobRunrDeliveryQueue queue;
    private final DeliveryService deliveries;
    private final WebhookAdmin operations;

    WebhooksFacade(
            WebhooksAdminHttpService admin,
            WebhooksApiHttpService api,
            JobRunrDeliveryQueue queue,
            DeliveryService deliveries,
            WebhookAdmin operations) {
        this.admin = admin;
        this.api = api;
        this.queue = queue;
        this.deliveries = deliveries;
        this.operations = operations;
    }

    public static Webhooks create(Platform platform, CaseEventLog cases) {
        return WebhooksWiring.assemble(platform, cases);
    }

    DeliveryService deliveries() {
        return deliveries;
    }

    @Override
    public WebhookAdmin admin() {
        return operations;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public void apiRoutes(ApiRoutes routes) {
        api.routes(routes);
    }

    @Override
    public void adminRoutes(ApiRoutes routes) {
        admin.routes(routes);
    }

    @Override
    public void close() {
        deliveries.close();
        queue.close();
    }
}
