package com.klarefi.extraction.internal.decide;

import com.klarefi.extraction.api.Evidence;

/**
 * A value of a feature seen at one place: its normalised form, the evidence and how much that
 * place supports it for the feature, in [0, 1].
 */
public record Sighting(String normalized, String key, Evidence evidence, double support) {
    /** The same sighting with another support. */
    public Sighting withSupport(double other) {
        return new Sighting(normalized, key, evidence, other);
    }
}
