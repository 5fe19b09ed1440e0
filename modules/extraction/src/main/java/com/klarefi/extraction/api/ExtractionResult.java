package com.klarefi.extraction.api;

import java.util.List;
import java.util.Optional;

/** Everything the engine concluded for one case: a result per feature, in case type order. */
public record ExtractionResult(String caseTypeId, List<FeatureResult> features) {
    public ExtractionResult {
        features = List.copyOf(features);
    }

    public Optional<FeatureResult> feature(String featureId) {
        return features.stream()
                .filter(result -> result.feature().id().equals(featureId))
                .findFirst();
    }
}
