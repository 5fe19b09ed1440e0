package com.klarefi.webhooks.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.webhooks.internal.WebhooksWiring;

/** Builds the webhooks module: registered endpoints, event types and signed delivery with retries. */
public final class WebhooksModule {
    public static final String NAME = "webhooks";

    private WebhooksModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new WebhooksWiring();
    }
}
