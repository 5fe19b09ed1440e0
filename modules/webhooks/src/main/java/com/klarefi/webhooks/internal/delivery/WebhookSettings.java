package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import java.time.Duration;

/** The operator's settings for webhook delivery (ops/config-reference.md documents each). */
public record WebhookSettings(
        Duration timeout,
        Duration retryAfterCap,
        Duration pauseAfter,
        Duration attemptRetention,
        Duration secretOverlap,
        boolean liveHttpAllowed,
        int maxInFlightPerEndpoint,
        int jitterPercent) {
    public static final String TIMEOUT = "KLAREFI_WEBHOOK_TIMEOUT_SECONDS";
    public static final String RETRY_AFTER_MAX = "KLAREFI_WEBHOOK_RETRY_AFTER_MAX_SECONDS";
    public static final String PAUSE_AFTER = "KLAREFI_WEBHOOK_PAUSE_AFTER_HOURS";
    public static final String RETENTION = "KLAREFI_WEBHOOK_ATTEMPT_RETENTION_DAYS";
    public static final String SECRET_OVERLAP = "KLAREFI_WEBHOOK_SECRET_OVERLAP_HOURS";
    public static final String LIVE_HTTP_ALLOWED = "KLAREFI_WEBHOOK_LIVE_HTTP_ALLOWED";
    public static final String MAX_IN_FLIGHT = "KLAREFI_WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT";
    public static final String JITTER_PERCENT = "KLAREFI_WEBHOOK_JITTER_PERCENT";

    public WebhookSettings {
        if (maxInFlightPerEndpoint < 1) {
            throw new SettingsException(MAX_IN_FLIGHT + " must be at least 1");
        }
        if (jitterPercent < 0 || jitterPercent > 50) {
            throw new SettingsException(JITTER_PERCENT + " must be between 0 and 50");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new SettingsException(TIMEOUT + " must be positive");
        }
    }

    public static WebhookSettings from(Settings settings) {
        return new WebhookSettings(
                settings.seconds(TIMEOUT),
                settings.seconds(RETRY_AFTER_MAX),
                Duration.ofHours(settings.integer(PAUSE_AFTER)),
                Duration.ofDays(settings.integer(RETENTION)),
                Duration.ofHours(settings.integer(SECRET_OVERLAP)),
                settings.flag(LIVE_HTTP_ALLOWED),
                settings.integer(MAX_IN_FLIGHT),
                settings.integer(JITTER_PERCENT));
    }
}
