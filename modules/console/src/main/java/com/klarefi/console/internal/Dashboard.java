package com.klarefi.console.internal;

import com.klarefi.console.api.Console;
import com.klarefi.console.api.ConsoleModule;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Route;
import com.klarefi.platform.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Assembles the console's pages under {@value #PREFIX}: the operator's session, the layout and
 * every section's pages over the module facades.
 */
public final class Dashboard {
    static final String PREFIX = ConsoleModule.PREFIX;

    private Dashboard() {}

    public static Console create(
            ConsoleModule.Modules modules,
            Settings settings,
            URI publicBaseUrl,
            Clock clock,
            Metrics metrics,
            byte[] loginFormKey) {
        Sessions sessions = new Sessions(
                modules.auth().operators(), "https".equalsIgnoreCase(publicBaseUrl.getScheme()), loginFormKey);
        SignedIn signedIn = new SignedIn(sessions);
        Layout layout = new Layout(
                settings.flag("KLAREFI_DASHBOARD_ENABLED")
                        ? Optional.of(settings.port("KLAREFI_DASHBOARD_PORT"))
                        : Optional.empty());
        ApiRoutes routes = new ApiRoutes(PREFIX, Route.Access.PUBLIC);
        routes.publicRoute(Method.GET, "", (request, response) -> Layout.redirect(response, PREFIX + "/overview"));
        routes.publicRoute(Method.GET, "/", (request, response) -> Layout.redirect(response, PREFIX + "/overview"));
        routes.publicRoute(Method.GET, "/assets/dashboard.css", Dashboard::stylesheet);
        new LoginPages(modules.auth().operators(), sessions, signedIn).routes(routes);
        new OverviewPages(metrics::scrape, modules.cases(), layout, signedIn).routes(routes);
        SecretPages secrets = new SecretPages(new ShownOnce(clock), layout, signedIn);
        secrets.routes(routes);
        new OrganisationPages(modules.auth().organisations(), layout, signedIn, clock, secrets).routes(routes);
        WebhookPages webhooks =
                new WebhookPages(modules.webhooks().admin(), modules.auth().organisations(), layout, signedIn, secrets);
        webhooks.routes(routes);
        new EndpointPages(modules.webhooks().admin(), layout, signedIn, webhooks).routes(routes);
        new DeliveryPages(modules.webhooks().admin(), layout, signedIn).routes(routes);
        new CaseTypePages(modules.processing(), layout, signedIn).routes(routes);
        new CasePages(
                        modules.cases(),
                        modules.auth().organisations(),
                        modules.processing(),
                        layout,
                        signedIn,
                        new CaseDocuments(modules.cases(), modules.processing(), modules.erasure(), signedIn))
                .routes(routes);
        new PageTextPages(modules.cases(), modules.processing(), layout, signedIn).routes(routes);
        new ErasurePages(modules.erasure(), layout, signedIn).routes(routes);
        return new Console(routes, new ErrorPages(layout));
    }

    private static void stylesheet(ServerRequest request, ServerResponse response) {
        try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.css")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.css is missing from the artifact");
            }
            response.header(HeaderNames.CONTENT_TYPE, "text/css; charset=utf-8");
            response.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
            response.header("X-Content-Type-Options", "nosniff");
            response.send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
