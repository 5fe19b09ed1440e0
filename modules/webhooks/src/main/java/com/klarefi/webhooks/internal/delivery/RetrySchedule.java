package com.klarefi.webhooks.internal.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The published schedule: the first attempt at once, then retries 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h and 24 h after the previous attempt, ten attempts in all. Each delay is spread
 * by a uniform jitter of plus or minus {@code jitterPercent} so that an endpoint recovering from an
 * outage is not hit by every retry in the same second.
 */
public final class RetrySchedule {
    public static final List<Duration> DELAYS = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24));

    private final int jitterPercent;
    private final RandomGenerator random;

    public RetrySchedule(int jitterPercent, RandomGenerator random) {
        this.jitterPercent = jitterPercent;
        this.random = random;
    }

    public static int maxAttempts() {
        return DELAYS.size();
    }

    /** The delay before attempt {@code attemptsMade + 1}, jittered; empty when every attempt is used. */
    public Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade >= DELAYS.size()) {
            return Optional.empty();
        }
        return Optional.of(jittered(DELAYS.get(attemptsMade)));
    }

    private Duration jittered(Duration base) {
        if (base.isZero() || jitterPercent == 0) {
            return base;
        }
        double factor = 1 + (random.nextDouble() * 2 - 1) * jitterPercent / 100.0;
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
