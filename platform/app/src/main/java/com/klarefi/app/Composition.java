package com.klarefi.app;

import com.klarefi.auth.api.Auth;
import com.klarefi.auth.api.AuthModule;
import com.klarefi.cases.api.Cases;
import com.klarefi.cases.api.CasesModule;
import com.klarefi.console.api.ConsoleModule;
import com.klarefi.erasure.api.Erasure;
import com.klarefi.erasure.api.ErasureModule;
import com.klarefi.intake.api.IntakeModule;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Caller;
import com.klarefi.platform.http.RequestGuard;
import com.klarefi.platform.metrics.Counter;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.KlarefiModule;
import com.klarefi.platform.module.Platform;
import com.klarefi.processing.api.Processing;
import com.klarefi.processing.api.ProcessingModule;
import com.klarefi.ratelimit.api.RateLimitModule;
import com.klarefi.ratelimit.api.RateLimits;
import com.klarefi.webhooks.api.Webhooks;
import com.klarefi.webhooks.api.WebhooksModule;
import java.util.List;

/**
 * Every business module, built in dependency order, each migrating its own schema as it is built;
 * and the guards that every protected request passes: API key, then the organisation's rate limit.
 */
final class Composition implements AutoCloseable {
    private final Auth auth;
    private final RateLimits rateLimits;
    private final Webhooks webhooks;
    private final List<KlarefiModule> modules;
    private final ConsoleModule.Modules dashboardModules;

    private Composition(
            Auth auth,
            RateLimits rateLimits,
            Webhooks webhooks,
            List<KlarefiModule> modules,
            ConsoleModule.Modules dashboardModules) {
        this.auth = auth;
        this.rateLimits = rateLimits;
        this.webhooks = webhooks;
        this.modules = modules;
        this.dashboardModules = dashboardModules;
    }

    static Composition of(Platform platform) {
        Auth auth = AuthModule.create(platform);
        RateLimits rateLimits = RateLimitModule.create(platform);
        Cases cases = CasesModule.create(platform);
        Processing processing = ProcessingModule.create(platform, cases);
        Webhooks webhooks = WebhooksModule.create(platform, cases);
        Erasure erasure = ErasureModule.create(platform, cases, processing);
        List<KlarefiModule> modules = List.of(
                auth,
                rateLimits,
                cases,
                processing,
                webhooks,
                erasure,
                IntakeModule.create(platform, cases, processing, auth.organisations()));
        return new Composition(
                auth,
                rateLimits,
                webhooks,
                modules,
                new ConsoleModule.Modules(auth, webhooks, processing, cases, erasure));
    }

    /** What the operators' console reads and changes. */
    ConsoleModule.Modules dashboardModules() {
        return dashboardModules;
    }

    List<KlarefiModule> modules() {
        return modules;
    }

    Auth auth() {
        return auth;
    }

    /**
     * Authenticates the key, then spends one request of its organisation's rate limit. Every answer
     * carries the rate-limit headers; a 401 names no organisation and is told the default policy.
     */
    RequestGuard apiGuard(Metrics metrics) {
        Counter rejections = metrics.counter("klarefi_rate_limit_rejections_total", "Requests refused with 429");
        return (request, response, route) -> {
            Caller caller;
            try {
                caller = auth.authenticate(request);
            } catch (ApiException unauthenticated) {
                throw rateLimits.unspent().onto(unauthenticated);
            }
            try {
                rateLimits.enforce(caller.orgId(), response);
            } catch (ApiException refused) {
                if (refused.status() == 429) {
                    rejections.inc();
                }
                throw refused;
            }
        };
    }

    RequestGuard adminGuard() {
        return (request, response, route) -> auth.authenticateAdmin(request);
    }

    @Override
    public void close() {
        webhooks.close();
        auth.close();
        rateLimits.close();
    }
}
