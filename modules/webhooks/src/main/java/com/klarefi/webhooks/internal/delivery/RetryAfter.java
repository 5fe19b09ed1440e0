package com.klarefi.webhooks.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP date, never less than zero, capped. */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Duration> parse(String value, Instant now, Duration cap) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        Duration wanted;
        try {
            wanted = Duration.ofSeconds(Long.parseLong(trimmed));
        } catch (NumberFormatException notSeconds) {
            try {
                wanted = Duration.between(
                        now,
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wanted.isNegative()) {
            wanted = Duration.ZERO;
        }
        return Optional.of(wanted.compareTo(cap) > 0 ? cap : wanted);
    }
}
