package com.klarefi.ratelimit.api;

import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.module.Platform;
import com.klarefi.ratelimit.internal.RateLimitFacade;
import com.klarefi.ratelimit.internal.limiter.LeasePolicy;

/** Builds the ratelimit module: per-organisation rate limits that hold across instances. */
public final class RateLimitModule {
    public static final String NAME = "ratelimit";
    public static final String LIMIT_SETTING = "KLAREFI_RATE_LIMIT_PER_MINUTE";

    private RateLimitModule() {}

    /** Migrates the module's schema and starts its housekeeping; close the result on shutdown. */
    public static RateLimits create(Platform platform) {
        int defaultLimit = platform.settings().integer(LIMIT_SETTING);
        if (defaultLimit < 1 || defaultLimit > RateLimitFacade.MAX_REQUESTS_PER_MINUTE) {
            throw new SettingsException(LIMIT_SETTING + " must be between 1 and "
                    + RateLimitFacade.MAX_REQUESTS_PER_MINUTE + ", got " + defaultLimit);
        }
        platform.database().migrate(NAME);
        RateLimitFacade rateLimits = new RateLimitFacade(
                platform.database(), platform.clock(), defaultLimit, LeasePolicy.standard(), platform.jsonBodies());
        rateLimits.startHousekeeping();
        return rateLimits;
    }
}
