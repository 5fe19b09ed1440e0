package com.klarefi.ratelimit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.JsonBodies;
import com.klarefi.platform.http.Responses;
import com.klarefi.ratelimit.api.RateLimits;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Lets operators read, set and reset an organisation's limit on the admin surface. */
public final class RateLimitAdminHttpService {
    private static final String PATH = "/organisations/{orgId}/rate-limit";
    private static final String FIELD = "requests_per_minute";

    private final RateLimits rateLimits;
    private final JsonBodies jsonBodies;

    public RateLimitAdminHttpService(RateLimits rateLimits, JsonBodies jsonBodies) {
        this.rateLimits = rateLimits;
        this.jsonBodies = jsonBodies;
    }

    public void register(ApiRoutes routes) {
        routes.get(PATH, this::read);
        routes.put(PATH, this::change);
        routes.delete(PATH, this::reset);
    }

    private void read(ServerRequest request, ServerResponse response) {
        Responses.ok(response, rateLimits.limitOf(orgId(request)));
    }

    private void change(ServerRequest request, ServerResponse response) {
        String orgId = orgId(request);
        JsonNode body = jsonBodies.readObject(request);
        JsonNode value = body.get(FIELD);
        if (value == null || value.isNull()) {
            throw ApiException.validation("missing_field", "Set " + FIELD + " to the requests allowed per minute.")
                    .withDetail("param", FIELD);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.validation("invalid_field", FIELD + " must be a whole number.")
                    .withDetail("param", FIELD);
        }
        Responses.ok(response, rateLimits.changeLimit(orgId, value.intValue()));
    }

    private void reset(ServerRequest request, ServerResponse response) {
        Responses.ok(response, rateLimits.resetLimit(orgId(request)));
    }

    private static String orgId(ServerRequest request) {
        return request.path().pathParameters().get("orgId");
    }
}
