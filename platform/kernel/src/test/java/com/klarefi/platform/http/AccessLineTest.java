package com.klarefi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccessLineTest {

    @Test
    void readsAsKeyValuePairsWithTheLatencyInMillisecondsToTwoDecimals() {
        assertThat(HttpSurface.accessLine("api", "req_abc", "GET", "/api/v1/me", 200, 1.5, "org_1"))
                .isEqualTo(
                        "surface=api request_id=req_abc method=GET route=/api/v1/me status=200 latency_ms=1.50 org=org_1");
    }

    @Test
    void roundsTheLatencyAsAFormatPatternDoes() {
        for (double millis :
                new double[] {0, 0.004, 0.005, 0.01, 0.099, 0.995, 3.14159, 12.345, 99.999, 1234.5, 60_000.126}) {
            assertThat(HttpSurface.accessLine("admin", "req_x", "POST", "/r", 503, millis, "-"))
                    .as("latency %s", millis)
                    .isEqualTo(String.format(
                            Locale.ROOT,
                            "surface=%s request_id=%s method=%s route=%s status=%d latency_ms=%.2f org=%s",
                            "admin",
                            "req_x",
                            "POST",
                            "/r",
                            503,
                            millis,
                            "-"));
        }
    }
}
