package com.klarefi.extraction.internal.layout;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A label printed on a page: characters {@code [start, end)}, the features it labels and how
 * similar it is to each feature's labels, in [0, 1]: 1 for a label of the case type as written,
 * less for a key that says the same in other words (an abbreviation, a compound, a synonym from the
 * lexicon). A label of the context vocabulary labels no feature: it claims the values next to it for
 * something else (a birth date, a due date, a subtotal), with {@code contextSimilarity}.
 */
public record LabelHit(
        int start, int end, Map<String, Double> similarities, double contextSimilarity, Optional<Column> column) {
    /**
     * The column of a party table a row's key names a value in ("Kenteken" in the column headed
     * "Tegenpartij"): from {@code x0} to {@code x1} on the page.
     */
    public record Column(float x0, float x1) {
        boolean holds(float x0, float x1) {
            return x0 < this.x1 && x1 > this.x0;
        }
    }

    public LabelHit {
        similarities = Map.copyOf(similarities);
    }

    public LabelHit(int start, int end, Map<String, Double> similarities, double contextSimilarity) {
        this(start, end, similarities, contextSimilarity, Optional.empty());
    }

    /** An exact label of these features, or of the context vocabulary when there are none. */
    public LabelHit(int start, int end, Set<String> features) {
        this(start, end, features.stream().collect(Collectors.toMap(f -> f, f -> 1.0)), features.isEmpty() ? 1 : 0);
    }

    public Set<String> features() {
        return similarities.keySet();
    }

    public boolean context() {
        return similarities.isEmpty();
    }

    /** How similar the label is to the feature's labels: 1 written as the case type writes it, 0 not at all. */
    public double similarity(String feature) {
        return similarities.getOrDefault(feature, 0.0);
    }

    /** The label's strongest similarity: to a feature it labels, or as context. */
    public double similarity() {
        return similarities.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(contextSimilarity);
    }

    int length() {
        return end - start;
    }

    LabelHit merge(LabelHit other) {
        Map<String, Double> merged = new HashMap<>(similarities);
        other.similarities.forEach((feature, similarity) -> merged.merge(feature, similarity, Math::max));
        return new LabelHit(start, end, merged, Math.max(contextSimilarity, other.contextSimilarity), column);
    }
}
