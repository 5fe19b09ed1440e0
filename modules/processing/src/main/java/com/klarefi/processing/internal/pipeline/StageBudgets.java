package com.klarefi.processing.internal.pipeline;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import java.time.Duration;

/**
 * The time one document may take in each CPU-bound stage: reading its text layers (OCR included)
 * and extracting its case's features. Past a budget the document fails with
 * {@code processing_timeout} rather than holding a worker indefinitely.
 */
public record StageBudgets(Duration read, Duration extract) {
    public static final String READ = "KLAREFI_DOCUMENT_READ_TIMEOUT_SECONDS";
    public static final String EXTRACT = "KLAREFI_EXTRACT_TIMEOUT_SECONDS";

    public static StageBudgets from(Settings settings) {
        return new StageBudgets(positive(settings, READ), positive(settings, EXTRACT));
    }

    private static Duration positive(Settings settings, String name) {
        Duration value = settings.seconds(name);
        if (value.getSeconds() < 1) {
            throw new SettingsException(name + " must be at least 1");
        }
        return value;
    }
}
