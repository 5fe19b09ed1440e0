package com.klarefi.platform.http;

import com.klarefi.platform.ids.Ids;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers requests that fail before routing (malformed request line or headers, bodies over the
 * server's hard limit) in the error envelope, with a fresh request id. Helidon's own text
 * (which may echo request parts) is not passed on.
 */
final class EnvelopeDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String requestId = Ids.newId("req");
        ApiException error;
        if (eventType == EventType.PAYLOAD_TOO_LARGE || status.code() == 413) {
            error = ApiException.of(
                    413,
                    ErrorTypes.VALIDATION,
                    "payload_too_large",
                    "The request body is larger than this server accepts.");
        } else if (eventType == EventType.HTTP_VERSION_NOT_SUPPORTED) {
            // Helidon 4 serves HTTP/1.1 and HTTP/2 only; 505 says so (RFC 9110), where a 500 blamed us.
            error = ApiException.of(
                    505,
                    ErrorTypes.VALIDATION,
                    "http_version_not_supported",
                    "Send HTTP/1.1 (behind nginx: proxy_http_version 1.1).");
        } else if (eventType == EventType.INTERNAL_ERROR || status.code() >= 500) {
            error = ApiException.internal();
        } else {
            error = ApiException.of(
                    status.code(),
                    ErrorTypes.VALIDATION,
                    "bad_request",
                    "The request could not be parsed: " + status.reasonPhrase() + ".");
        }
        return TransportResponse.builder()
                .status(Status.create(error.status()))
                .headers(headers)
                .header(HeaderNames.create(HttpSurface.REQUEST_ID_HEADER), requestId)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .keepAlive(eventType.keepAlive())
                .entity(ErrorEnvelope.body(error, requestId))
                .build();
    }
}
