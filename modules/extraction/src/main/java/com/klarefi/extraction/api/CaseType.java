package com.klarefi.extraction.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A kind of case and the features its documents are read for; configuration, not code. {@code names}
 * holds the name in other languages, by two-letter language code, for the people who read it there.
 */
public record CaseType(
        String id, String name, Map<String, String> names, List<String> locales, List<FeatureDefinition> features) {
    public CaseType {
        names = Collections.unmodifiableMap(new TreeMap<>(names));
        locales = List.copyOf(locales);
        features = List.copyOf(features);
    }

    /** The name in {@code locale}, else the default name. */
    public String name(String locale) {
        return names.getOrDefault(locale, name);
    }

    public Optional<FeatureDefinition> feature(String featureId) {
        return features.stream()
                .filter(feature -> feature.id().equals(featureId))
                .findFirst();
    }
}
