package com.klarefi.cases.api;

import java.util.Set;

/** The ids of a case's current evidence, candidates and decisions, to count what a change removed. */
public record FeatureSnapshot(Set<String> evidenceIds, Set<String> candidateIds, Set<String> decisionIds) {
    public FeatureSnapshot {
        evidenceIds = Set.copyOf(evidenceIds);
        candidateIds = Set.copyOf(candidateIds);
        decisionIds = Set.copyOf(decisionIds);
    }
}
