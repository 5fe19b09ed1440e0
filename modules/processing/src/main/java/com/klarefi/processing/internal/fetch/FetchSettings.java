package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.net.AddressGuard;
import java.time.Duration;
import java.util.List;

/**
 * Limits for downloading documents. {@code allowedCidrs} are address ranges an operator explicitly
 * permits although the SSRF policy refuses them by default (e.g. {@code 10.20.0.0/16} for an
 * internal document store); empty by default.
 */
public record FetchSettings(
        long maxBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        int maxRedirects,
        List<String> allowedCidrs) {
    public static final String ALLOWED_CIDRS = AddressGuard.ALLOWED_CIDRS;
    public static final String MAX_BYTES = "KLAREFI_FETCH_MAX_BYTES";
    public static final String CONNECT_TIMEOUT = "KLAREFI_FETCH_CONNECT_TIMEOUT_SECONDS";
    public static final String READ_TIMEOUT = "KLAREFI_FETCH_READ_TIMEOUT_SECONDS";
    public static final String TOTAL_TIMEOUT = "KLAREFI_FETCH_TOTAL_TIMEOUT_SECONDS";
    public static final String MAX_REDIRECTS = "KLAREFI_FETCH_MAX_REDIRECTS";

    public FetchSettings {
        allowedCidrs = List.copyOf(allowedCidrs);
        if (maxBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBytes must be positive and maxRedirects not negative");
        }
    }

    public static FetchSettings from(Settings settings) {
        List<String> cidrs = AddressGuard.allowedCidrs(settings);
        return new FetchSettings(
                settings.bytes(MAX_BYTES),
                settings.seconds(CONNECT_TIMEOUT),
                settings.seconds(READ_TIMEOUT),
                settings.seconds(TOTAL_TIMEOUT),
                settings.integer(MAX_REDIRECTS),
                cidrs);
    }

    /** The same limits with other allowed ranges. */
    public FetchSettings withAllowedCidrs(List<String> cidrs) {
        return new FetchSettings(maxBytes, connectTimeout, readTimeout, totalTimeout, maxRedirects, cidrs);
    }

    /** The same limits with another size limit. */
    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(bytes, connectTimeout, readTimeout, totalTimeout, maxRedirects, allowedCidrs);
    }
}
