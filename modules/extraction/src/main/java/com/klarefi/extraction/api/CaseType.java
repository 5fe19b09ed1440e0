package com.klarefi.extraction.api;

import java.util.List;
import java.util.Optional;

/** A kind of case and the features its documents are read for; configuration, not code. */
public record CaseType(String id, String name, List<String> locales, List<FeatureDefinition> features) {
    public CaseType {
        locales = List.copyOf(locales);
        features = List.copyOf(features);
    }

    public Optional<FeatureDefinition> feature(String featureId) {
        return features.stream().filter(feature -> feature.id().equals(featureId)).findFirst();
    }
}
