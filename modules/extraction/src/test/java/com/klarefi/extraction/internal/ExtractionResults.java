package com.klarefi.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.FeatureResult;

/** What the engine's tests ask of a result: the value it kept for a feature. */
final class ExtractionResults {
    private ExtractionResults() {}

    /** The feature's first kept value (normalised); fails, naming the feature, when it was not kept. */
    static String kept(ExtractionResult result, String feature) {
        FeatureResult found = result.feature(feature).orElseThrow();
        assertThat(found.decision().outcome()).as(feature).isEqualTo(DecisionOutcome.KEEP);
        return found.selected().getFirst().valueNormalized();
    }

    static boolean isKept(ExtractionResult result, String feature) {
        return result.feature(feature).orElseThrow().decision().outcome() == DecisionOutcome.KEEP;
    }
}
