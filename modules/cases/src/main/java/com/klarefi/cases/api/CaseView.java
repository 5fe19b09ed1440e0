package com.klarefi.cases.api;

import java.util.List;

/** A case with its documents and its features (decisions, candidates, evidence), for operators. */
public record CaseView(CaseSummary summary, List<CaseDocument> documents, List<CaseFeature> features) {
    public CaseView {
        documents = List.copyOf(documents);
        features = List.copyOf(features);
    }
}
