package com.klarefi.console.api;

import com.klarefi.auth.api.Auth;
import com.klarefi.cases.api.Cases;
import com.klarefi.console.internal.Dashboard;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.secrets.Secrets;
import com.klarefi.processing.api.Processing;
import com.klarefi.webhooks.api.Webhooks;
import java.net.URI;
import java.time.Clock;

/**
 * Builds the operators' console: pages under {@value #PREFIX} on the admin listener, signed in with
 * an operator account: an overview of volume, failures, queue and review load, organisations and keys, webhooks and deliveries, case types, cases with
 * their evidence and the erasure log. It owns no tables; it reads and changes everything through
 * the other modules' apis.
 */
public final class ConsoleModule {
    public static final String PREFIX = "/dashboard";
    private static final String LOGIN_FORM_KEY_PURPOSE = "console-login-form-csrf";

    /** The module facades the pages read and change. */
    public record Modules(Auth auth, Webhooks webhooks, Processing processing, Cases cases, Erasure erasure) {}

    private ConsoleModule() {}

    /**
     * {@code publicBaseUrl} decides whether cookies are {@code Secure}; {@code metrics} are the
     * service's own, which the overview shows as monitoring sees them; {@code secrets} signs the
     * login form's CSRF value.
     */
    public static Console create(
            Modules modules, Settings settings, URI publicBaseUrl, Clock clock, Metrics metrics, Secrets secrets) {
        return Dashboard.create(
                modules, settings, publicBaseUrl, clock, metrics, secrets.derive(LOGIN_FORM_KEY_PURPOSE));
    }
}
