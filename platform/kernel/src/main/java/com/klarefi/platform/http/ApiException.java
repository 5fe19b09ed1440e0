package com.klarefi.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error type of the API. Thrown anywhere, rendered once by the HTTP surface into the error
 * envelope {@code {"error": {"type", "code", "message", "request_id"}}}. The message is written for
 * the developer calling us and must never carry secrets or document content.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final Map<String, String> headers;
    private final Map<String, Object> details;

    private ApiException(
            int status,
            String type,
            String code,
            String message,
            Map<String, String> headers,
            Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.details = Map.copyOf(details);
    }

    public static ApiException of(int status, String type, String code, String message) {
        return new ApiException(status, type, code, message, Map.of(), Map.of());
    }

    public static ApiException validation(String code, String message) {
        return of(400, ErrorTypes.VALIDATION, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return of(404, ErrorTypes.NOT_FOUND, code, message);
    }

    public static ApiException authentication(String code, String message) {
        return of(401, ErrorTypes.AUTHENTICATION, code, message);
    }

    public static ApiException authorization(String code, String message) {
        return of(403, ErrorTypes.AUTHORIZATION, code, message);
    }

    public static ApiException internal() {
        return of(
                500,
                ErrorTypes.INTERNAL,
                "internal_error",
                "Something went wrong on our side. Quote the request_id when you contact support.");
    }

    /** A copy that also sends the given response header (e.g. {@code Retry-After}, {@code Allow}). */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, type, code, getMessage(), more, details);
    }

    /** A copy with an extra field inside the error object (e.g. {@code param}, {@code audit_id}). */
    public ApiException withDetail(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new ApiException(status, type, code, getMessage(), headers, more);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> details() {
        return details;
    }
}
