package com.klarefi.app;

import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Responses;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What operators scrape and probe on the admin surface: Prometheus metrics, liveness (the process
 * answers) and readiness (the database answers). The admin surface listens on a private address;
 * these three need no token so Prometheus and orchestrators can reach them.
 */
final class Observability {
    private Observability() {}

    static void routes(ApiRoutes admin, Metrics metrics, HealthService health) {
        admin.publicRoute(Method.GET, "/metrics", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.send(metrics.scrape());
        });
        admin.publicRoute(
                Method.GET, "/health/live", (request, response) -> Responses.ok(response, Map.of("status", "ok")));
        admin.publicRoute(Method.GET, "/health/ready", health::handle);
    }

    /** Queue depth by state, read from JobRunr's storage when scraped. */
    static void jobGauges(Metrics metrics, Jobs jobs) {
        metrics.gauge("klarefi_jobs", "Background jobs by state (all instances)", List.of("state"), () -> {
            var stats = jobs.storage().getJobStats();
            Map<List<String>, Double> values = new LinkedHashMap<>();
            values.put(List.of("scheduled"), (double) stats.getScheduled());
            values.put(List.of("enqueued"), (double) stats.getEnqueued());
            values.put(List.of("processing"), (double) stats.getProcessing());
            values.put(List.of("failed"), (double) stats.getFailed());
            values.put(List.of("succeeded"), (double) stats.getSucceeded());
            return values;
        });
    }
}
