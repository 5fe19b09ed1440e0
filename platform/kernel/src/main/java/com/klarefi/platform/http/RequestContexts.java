package com.klarefi.platform.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** What the HTTP surface attaches to each request: its id, its route, who called. */
public final class RequestContexts {
    static final String REQUEST_ID = "klarefi.request-id";
    static final String ROUTE = "klarefi.route";
    static final String ORG = "klarefi.org-id";

    private RequestContexts() {}

    public static String requestId(ServerRequest request) {
        return request.context().get(REQUEST_ID, String.class).orElse("req_unknown");
    }

    /** Records the organisation the request acts for, so the access log can name it. */
    public static void organisation(ServerRequest request, String orgId) {
        request.context().register(ORG, orgId);
    }

    public static Optional<String> organisation(ServerRequest request) {
        return request.context().get(ORG, String.class);
    }

    /** Lets modules attach typed values (e.g. the authenticated principal) for later handlers. */
    public static <T> void put(ServerRequest request, Class<T> type, T value) {
        request.context().register(type.getName(), value);
    }

    public static <T> Optional<T> get(ServerRequest request, Class<T> type) {
        return request.context().get(type.getName(), type);
    }
}
