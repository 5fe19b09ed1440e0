package com.klarefi.extraction.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One feature of a case type. The engine uses exactly these parts: {@code type} picks the
 * recogniser and the normalised form; {@code labels} (per locale, all locales are searched) are
 * the words printed next to, above or before the value, and the cue phrases of a sentence that
 * names it, and decide which recognised value belongs to this feature; {@code pattern}
 * (identifiers only) restricts identifiers to values matching it as a whole; {@code cardinality}
 * decides whether one or several values are kept; {@code required} is carried for the caller (a
 * missing required feature is worth asking for). Where labels are not printed, {@code role} (whose
 * value it is) and {@code zone} (where on the page it stands) say where the value is;
 * {@code currency} (money only, ISO 4217) is the currency of amounts printed without one.
 */
public record FeatureDefinition(
        String id,
        FeatureType type,
        Cardinality cardinality,
        Map<String, List<String>> labels,
        Optional<Pattern> pattern,
        boolean required,
        Optional<Role> role,
        Optional<Zone> zone,
        Optional<String> currency) {

    public FeatureDefinition {
        labels = Map.copyOf(labels);
    }

    /** A feature found by its labels alone: no role, zone or currency. */
    public FeatureDefinition(
            String id,
            FeatureType type,
            Cardinality cardinality,
            Map<String, List<String>> labels,
            Optional<Pattern> pattern,
            boolean required) {
        this(id, type, cardinality, labels, pattern, required, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Every label of every locale. */
    public List<String> allLabels() {
        return labels.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** True when the feature says where its value is beyond labels: a role or a zone. */
    public boolean placed() {
        return role.isPresent() || zone.isPresent();
    }
}
