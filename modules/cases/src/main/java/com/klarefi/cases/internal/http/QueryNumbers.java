package com.klarefi.cases.internal.http;

import com.klarefi.platform.http.ApiException;
import java.util.Optional;

/**
 * Whole-number query parameters such as {@code after_cursor} and {@code limit}: ASCII digits only,
 * within bounds, else a 400 naming the parameter. {@link Long#parseLong} alone would also take a
 * sign and digits of other scripts, so one cursor would have many spellings.
 */
final class QueryNumbers {
    /** Digits of {@link Long#MAX_VALUE}; more are out of range whatever they are. */
    private static final int MAX_DIGITS = 19;

    private QueryNumbers() {}

    static long parse(Optional<String> raw, String name, long fallback, long min, long max) {
        if (raw.isEmpty()) {
            return fallback;
        }
        String text = raw.get();
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(name, min, max);
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw invalid(name, min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, min, max);
        }
    }

    private static ApiException invalid(String name, long min, long max) {
        String range = max == Long.MAX_VALUE ? "of " + min + " or more" : "from " + min + " to " + max;
        return ApiException.validation(
                        "invalid_" + name, name + " must be a whole number " + range + ", written in digits.")
                .withDetail("param", name);
    }
}
