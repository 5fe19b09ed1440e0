package com.klarefi.platform.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * Who is calling: the organisation and environment an authenticated API key belongs to, and the
 * key's id (for audit records). Every object the API creates is scoped by org and environment.
 */
public record Caller(String orgId, Environment environment, String keyId) {

    /** The caller the request guard authenticated; a route without one is a wiring mistake. */
    public static Caller of(ServerRequest request) {
        return RequestContexts.get(request, Caller.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller on a protected route"));
    }

    public static void attach(ServerRequest request, Caller caller) {
        RequestContexts.put(request, Caller.class, caller);
        RequestContexts.organisation(request, caller.orgId());
    }
}
