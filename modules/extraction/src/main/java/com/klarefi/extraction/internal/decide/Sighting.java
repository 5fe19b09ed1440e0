package com.klarefi.extraction.internal.decide;

import com.klarefi.extraction.api.Evidence;

/**
 * A value of a feature seen at one place: its normalised form, the evidence, how much that place
 * supports it for the feature, in [0, 1], and the clues behind that support (indexed by
 * {@link Clue#ordinal()}), which the learned ranker weighs.
 */
public record Sighting(String normalized, String key, Evidence evidence, double support, double[] clues) {
    public Sighting {
        clues = clues.clone();
    }

    public double clue(Clue clue) {
        return clues[clue.ordinal()];
    }

    /** The same sighting with its support scaled, a clue set to a value. */
    Sighting discounted(double factor, Clue clue, double value) {
        double[] changed = clues.clone();
        changed[clue.ordinal()] = value;
        changed[Clue.SUPPORT.ordinal()] = support * factor;
        return new Sighting(normalized, key, evidence, support * factor, changed);
    }

    /** The same sighting with another support. */
    public Sighting withSupport(double other) {
        double[] changed = clues.clone();
        changed[Clue.SUPPORT.ordinal()] = other;
        return new Sighting(normalized, key, evidence, other, changed);
    }
}
