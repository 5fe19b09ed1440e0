package com.klarefi.webhooks.api;

import com.klarefi.cases.api.CaseEventLog;
import com.klarefi.platform.module.Platform;
import com.klarefi.webhooks.internal.WebhooksFacade;

/**
 * Builds the webhooks module: registered endpoints subscribed to versioned event types, and signed
 * delivery of every case event to them by JobRunr jobs, retried on the published schedule.
 */
public final class WebhooksModule {
    public static final String NAME = "webhooks";

    private WebhooksModule() {}

    public static Webhooks create(Platform platform, CaseEventLog cases) {
        platform.database().migrate(NAME);
        return WebhooksFacade.create(platform, cases);
    }
}
