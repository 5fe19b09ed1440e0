package com.klarefi.webhooks.internal.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What one request to an endpoint produced: a status code with the start of the response body, or
 * the class of error (timeout, connection_refused, ...) and a message without secrets.
 */
public record SendResult(
        Optional<Integer> statusCode,
        String responseBody,
        Optional<String> retryAfter,
        Optional<String> errorClass,
        Optional<String> error,
        Duration duration) {

    public static SendResult answered(int status, String body, Optional<String> retryAfter, Duration duration) {
        return new SendResult(Optional.of(status), body, retryAfter, Optional.empty(), Optional.empty(), duration);
    }

    public static SendResult failed(String errorClass, String message, Duration duration) {
        return new SendResult(
                Optional.empty(), "", Optional.empty(), Optional.of(errorClass), Optional.of(message), duration);
    }

    public boolean succeeded() {
        return statusCode.map(code -> code >= 200 && code <= 299).orElse(false);
    }

    /** A short description for operators: {@code HTTP 500} or the error message. */
    public String summary() {
        return statusCode.map(code -> "HTTP " + code).orElseGet(() -> error.orElse("unknown error"));
    }
}
