package com.klarefi.extraction.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One feature of a case type. The engine uses exactly these parts: {@code type} picks the
 * recogniser and the normalised form; {@code labels} (per locale, all locales are searched) are
 * the words printed next to, above or before the value and decide which recognised value belongs
 * to this feature; {@code pattern} (identifiers only) restricts identifiers to values matching it
 * as a whole; {@code cardinality} decides whether one or several values are kept; {@code required}
 * is carried for the caller (a missing required feature is worth asking for).
 */
public record FeatureDefinition(
        String id,
        FeatureType type,
        Cardinality cardinality,
        Map<String, List<String>> labels,
        Optional<Pattern> pattern,
        boolean required) {

    public FeatureDefinition {
        labels = Map.copyOf(labels);
    }

    /** Every label of every locale. */
    public List<String> allLabels() {
        return labels.values().stream().flatMap(List::stream).distinct().toList();
    }
}
