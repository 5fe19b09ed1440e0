package com.klarefi.ratelimit.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The ratelimit module as the composition root sees it. */
public final class RateLimitWiring implements KlarefiModule {
    @Override
    public String name() {
        return "ratelimit";
    }
}
