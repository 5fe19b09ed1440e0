package com.klarefi.webhooks.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The webhooks module as the composition root sees it. */
public final class WebhooksWiring implements KlarefiModule {
    @Override
    public String name() {
        return "webhooks";
    }
}
