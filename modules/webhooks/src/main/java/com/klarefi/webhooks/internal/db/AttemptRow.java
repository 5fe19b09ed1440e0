package com.klarefi.webhooks.internal.db;

import java.time.Instant;
import java.util.Optional;

/** One logged attempt: when, how long, what the endpoint answered or what went wrong. */
public record AttemptRow(
        String deliveryId,
        int attempt,
        Instant startedAt,
        long durationMs,
        Optional<Integer> statusCode,
        String responseBody,
        Optional<String> errorClass,
        Optional<String> error) {}
