package com.klarefi.ratelimit.api;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one request of an organisation in the current one-minute window.
 *
 * @param allowed            whether the request may proceed
 * @param limit              requests per minute the organisation may make
 * @param remaining          requests still allowed in this window (never negative)
 * @param resetEpochSeconds  UTC epoch second at which the window resets
 * @param retryAfterSeconds  whole seconds until that reset, at least 1: the {@code Retry-After} of a
 *                           refusal and the {@code reset} of the {@code RateLimit} field
 */
public record RateLimitDecision(
        boolean allowed, int limit, int remaining, long resetEpochSeconds, int retryAfterSeconds) {
    public static final int WINDOW_SECONDS = 60;

    public RateLimitDecision {
        if (limit < 0 || remaining < 0 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException(
                    "limit and remaining must not be negative, retryAfterSeconds at least 1");
        }
    }

    /**
     * The rate-limit response fields in the order they are written: the widespread
     * {@code X-RateLimit-*} trio and the IETF draft's {@code RateLimit-Policy} and {@code RateLimit},
     * which say the same thing (the draft's {@code reset} counts seconds, the X- one is a timestamp).
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        headers.put("RateLimit-Policy", limit + ";w=" + WINDOW_SECONDS);
        headers.put("RateLimit", "limit=" + limit + ", remaining=" + remaining + ", reset=" + retryAfterSeconds);
        return headers;
    }

    /** Writes {@link #headers()} onto a response, whether the request was allowed or not. */
    public void writeHeaders(ServerResponse response) {
        headers().forEach(response::header);
    }

    /**
     * The 429 {@code rate_limit_error} for a refused request, carrying the rate-limit fields and
     * {@code Retry-After}, so it renders complete even if the response headers were reset.
     */
    public ApiException rejection() {
        return onto(ApiException.of(
                        429,
                        ErrorTypes.RATE_LIMIT,
                        "rate_limit_exceeded",
                        "This organisation may make " + limit + " requests per minute; retry after " + retryAfterSeconds
                                + " seconds."))
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** The error with the rate-limit fields added, so it renders with them (e.g. a 401). */
    public ApiException onto(ApiException error) {
        ApiException withHeaders = error;
        for (Map.Entry<String, String> header : headers().entrySet()) {
            withHeaders = withHeaders.withHeader(header.getKey(), header.getValue());
        }
        return withHeaders;
    }
}
