package com.klarefi.ratelimit.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.ratelimit.internal.RateLimitWiring;

/** Builds the ratelimit module: per-organisation rate limits that hold across instances. */
public final class RateLimitModule {
    public static final String NAME = "ratelimit";

    private RateLimitModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new RateLimitWiring();
    }
}
