package com.klarefi.auth.api;

import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.auth.internal.AuthWiring;

/** Builds the auth module: organisations, API keys and test/live environments. */
public final class AuthModule {
    public static final String NAME = "auth";

    private AuthModule() {
    }

    public static KlarefiModule create(Platform platform) {
        platform.database().migrate(NAME);
        return new AuthWiring();
    }
}
