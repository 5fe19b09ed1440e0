package com.klarefi.webhooks.api;

import java.util.Optional;

/**
 * What an endpoint answered to a {@code webhook.test} event: its status code, or the class of error
 * ({@code timeout}, {@code connection_refused}, ...) when it gave none.
 */
public record TestSend(
        boolean succeeded, Optional<Integer> statusCode, Optional<String> errorClass, long durationMillis) {}
