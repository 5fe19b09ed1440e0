package com.klarefi.platform.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One endpoint: method, path template (Helidon syntax, e.g. {@code /cases/{caseId}}), handler,
 * and whether callers must authenticate. The template, not the concrete path, goes to the access
 * log so ids never fill it.
 */
public record Route(Method method, String template, Handler handler, Access access) {
    public enum Access {
        /** Anyone may call it (health, documentation). */
        PUBLIC,
        /** Needs an API key; the request guard authenticates and rate-limits it. */
        API_KEY,
        /** Needs an admin token (admin surface). */
        ADMIN
    }
}
