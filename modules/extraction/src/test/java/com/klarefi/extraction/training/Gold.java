package com.klarefi.extraction.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.extraction.api.FeatureType;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a value is the expected one, compared as the benchmark scorer compares (run_eval.py's
 * {@code same}): names and free text ignore case and repeated spaces; an amount expected without a
 * currency compares by its amount; everything else as written.
 */
final class Gold {
    private static final Set<FeatureType> LOOSE =
            Set.of(FeatureType.TEXT, FeatureType.PERSON_NAME, FeatureType.ORGANIZATION_NAME);

    private Gold() {}

    /** How many values are expected: 0 for none, the list's size for a list. */
    static int count(JsonNode expected) {
        if (expected == null || expected.isNull()) {
            return 0;
        }
        return expected.isArray() ? expected.size() : 1;
    }

    /** Whether the value is the expected one, or one of the expected list. */
    static boolean matches(String value, JsonNode expected, FeatureType type) {
        if (expected == null || expected.isNull()) {
            return false;
        }
        if (expected.isArray()) {
            for (JsonNode item : expected) {
                if (same(value, item.asText(), type)) {
                    return true;
                }
            }
            return false;
        }
        return same(value, expected.asText(), type);
    }

    static boolean same(String value, String expected, FeatureType type) {
        if (type == FeatureType.MONEY && expected.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            String[] parts = value.trim().split("\\s+");
            try {
                return Math.abs(Double.parseDouble(parts[parts.length - 1]) - Double.parseDouble(expected)) < 0.005;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (LOOSE.contains(type)) {
            return spaced(value)
                    .toLowerCase(Locale.ROOT)
                    .equals(spaced(expected).toLowerCase(Locale.ROOT));
        }
        return value.equals(expected);
    }

    private static String spaced(String text) {
        return String.join(" ", text.trim().split("\\s+"));
    }
}
