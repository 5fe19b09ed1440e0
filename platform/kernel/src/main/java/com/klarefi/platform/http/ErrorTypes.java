package com.klarefi.platform.http;

/**
 * The {@code type} values of the error envelope. The first six are the API reference's; the
 * others name conditions the reference is silent on (documented in the served API docs).
 */
public final class ErrorTypes {
    public static final String AUTHENTICATION = "authentication_error";
    public static final String AUTHORIZATION = "authorization_error";
    public static final String VALIDATION = "validation_error";
    public static final String NOT_FOUND = "not_found";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String INTERNAL = "internal_error";
    public static final String IDEMPOTENCY = "idempotency_error";
    public static final String UNAVAILABLE = "service_unavailable";

    private ErrorTypes() {}
}
