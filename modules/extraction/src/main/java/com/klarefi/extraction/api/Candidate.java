package com.klarefi.extraction.api;

import java.util.List;

/**
 * A value proposed for a feature: as printed ({@code valueRaw}, from the strongest evidence),
 * normalised per the feature type, with a confidence in [0, 1] and the evidence of every place it
 * was read. Candidates with equal normalised values are merged into one.
 */
public record Candidate(
        String candidateId, String valueRaw, String valueNormalized, double confidence, List<String> evidenceIds) {

    public Candidate {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
