package com.klarefi.auth.api;

import com.klarefi.auth.internal.AuthFacade;
import com.klarefi.auth.internal.OperatorPolicy;
import com.klarefi.platform.module.Platform;
import java.time.Duration;

/** Builds the auth module: organisations, API keys, test/live environments and admin tokens. */
public final class AuthModule {
    public static final String NAME = "auth";

    private AuthModule() {}

    /** Migrates the schema and starts the key cache's revocation watcher. */
    public static Auth create(Platform platform) {
        platform.database().migrate(NAME);
        Duration refresh = Duration.ofMillis(platform.settings().integer("KLAREFI_AUTH_REFRESH_MILLIS"));
        OperatorPolicy policy = new OperatorPolicy(
                Duration.ofMinutes(platform.settings().integer("KLAREFI_ADMIN_SESSION_IDLE_MINUTES")),
                Duration.ofHours(platform.settings().integer("KLAREFI_ADMIN_SESSION_MAX_HOURS")),
                platform.settings().integer("KLAREFI_ADMIN_LOCKOUT_FAILURES"),
                Duration.ofMinutes(platform.settings().integer("KLAREFI_ADMIN_LOCKOUT_MINUTES")));
        return AuthFacade.create(platform, refresh, policy);
    }
}
