package com.klarefi.ratelimit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.ErrorTypes;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void headersSayTheSameThingInBothConventions() {
        RateLimitDecision decision = new RateLimitDecision(true, 100, 42, 1_893_456_060L, 17);

        assertThat(decision.headers())
                .containsExactly(
                        entry("X-RateLimit-Limit", "100"),
                        entry("X-RateLimit-Remaining", "42"),
                        entry("X-RateLimit-Reset", "1893456060"),
                        entry("RateLimit-Policy", "100;w=60"),
                        entry("RateLimit", "limit=100, remaining=42, reset=17"));
    }

    @Test
    void aRefusalBecomesA429WithRetryAfterAndTheRateLimitHeaders() {
        RateLimitDecision decision = new RateLimitDecision(false, 100, 0, 1_893_456_060L, 5);

        ApiException rejection = decision.rejection();

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.type()).isEqualTo(ErrorTypes.RATE_LIMIT);
        assertThat(rejection.headers())
                .containsEntry("Retry-After", "5")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("RateLimit", "limit=100, remaining=0, reset=5");
    }
}
