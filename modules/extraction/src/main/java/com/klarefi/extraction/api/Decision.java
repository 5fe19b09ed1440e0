package com.klarefi.extraction.api;

import java.util.List;
import java.util.Optional;

/**
 * The decision for one feature. {@code selectedCandidateIds} holds the selected candidate (one
 * element for cardinality one, possibly several for many; empty when missing);
 * {@code reason} says why a feature needs review or is missing.
 */
public record Decision(
        String decisionId, DecisionOutcome outcome, List<String> selectedCandidateIds, Optional<String> reason) {

    public Decision {
        selectedCandidateIds = List.copyOf(selectedCandidateIds);
    }

    /** The selected candidate of a cardinality-one feature, or the first of a list. */
    public Optional<String> selectedCandidateId() {
        return selectedCandidateIds.stream().findFirst();
    }
}
