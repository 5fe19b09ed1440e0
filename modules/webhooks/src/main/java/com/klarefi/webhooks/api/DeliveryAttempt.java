package com.klarefi.webhooks.api;

import java.time.Instant;
import java.util.Optional;

/** One logged attempt of a delivery: when, how long, what the endpoint answered or what went wrong. */
public record DeliveryAttempt(
        int attempt,
        Instant startedAt,
        long durationMs,
        Optional<Integer> statusCode,
        String responseBody,
        Optional<String> errorClass,
        Optional<String> error) {}
