package com.klarefi.extraction.api;

import java.util.List;
import java.util.Optional;

/** Candidates, their evidence and the decision for one feature of a case. */
public record FeatureResult(
        FeatureDefinition feature, List<Candidate> candidates, List<Evidence> evidence, Decision decision) {

    public FeatureResult {
        candidates = List.copyOf(candidates);
        evidence = List.copyOf(evidence);
    }

    public Optional<Candidate> candidate(String candidateId) {
        return candidates.stream()
                .filter(c -> c.candidateId().equals(candidateId))
                .findFirst();
    }

    /** The selected candidates, in the order of the decision. */
    public List<Candidate> selected() {
        return decision.selectedCandidateIds().stream()
                .flatMap(id -> candidate(id).stream())
                .toList();
    }
}
