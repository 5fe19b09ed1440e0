package com.klarefi.platform.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Runs before every non-public route: authentication and rate limiting plug in here. It throws
 * {@link ApiException} to refuse; it may add response headers (rate-limit headers) either way.
 */
@FunctionalInterface
public interface RequestGuard {
    RequestGuard NONE = (request, response, route) -> {};

    void check(ServerRequest request, ServerResponse response, Route route);
}
