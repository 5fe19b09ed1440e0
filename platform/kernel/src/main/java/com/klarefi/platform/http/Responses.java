package com.klarefi.platform.http;

import com.klarefi.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON responses with the API's conventions. */
public final class Responses {
    private Responses() {}

    public static void json(ServerResponse response, int status, Object body) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(Json.write(body));
    }

    public static void ok(ServerResponse response, Object body) {
        json(response, 200, body);
    }
}
