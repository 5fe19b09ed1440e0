package com.klarefi.extraction.internal.layout;

import java.util.Set;

/**
 * A label printed on a page: characters {@code [start, end)} and the features it labels. A label
 * of the context vocabulary labels no feature: it claims the values next to it for something else
 * (a birth date, a due date, a subtotal).
 */
public record LabelHit(int start, int end, Set<String> features) {
    public LabelHit {
        features = Set.copyOf(features);
    }

    public boolean context() {
        return features.isEmpty();
    }

    int length() {
        return end - start;
    }
}
