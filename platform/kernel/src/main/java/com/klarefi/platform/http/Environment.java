package com.klarefi.platform.http;

import java.util.Locale;
import java.util.Optional;

/** The two worlds an API key lives in; objects of one are invisible from the other. */
public enum Environment {
    TEST,
    LIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "test" -> Optional.of(TEST);
            case "live" -> Optional.of(LIVE);
            default -> Optional.empty();
        };
    }
}
