package com.klarefi.console.api;

import com.klarefi.auth.api.Auth;
import com.klarefi.cases.api.Cases;
import com.klarefi.console.internal.Dashboard;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.Processing;
import com.klarefi.webhooks.api.Webhooks;
import java.net.URI;
import java.time.Clock;

/**
 * Builds the operators' console: pages under {@value #PREFIX} on the admin listener, signed in with
 * an operator account, for organisations and keys, webhooks and deliveries, case types, cases with
 * their evidence and the erasure log. It owns no tables; it reads and changes everything through
 * the other modules' apis.
 */
public final class ConsoleModule {
    public static final String PREFIX = "/dashboard";

    /** The module facades the pages read and change. */
    public record Modules(Auth auth, Webhooks webhooks, Processing processing, Cases cases, Erasure erasure) {
    }

    private ConsoleModule() {
    }

    /** {@code publicBaseUrl} decides whether cookies are {@code Secure}. */
    public static Console create(Modules modules, Settings settings, URI publicBaseUrl, Clock clock) {
        return Dashboard.create(modules, settings, publicBaseUrl, clock);
    }
}
