package com.klarefi.cases.internal.http;

import com.klarefi.cases.api.CaseFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Features in the API reference's shape: decision, candidates and evidence per feature id. */
final class FeatureViews {
    private FeatureViews() {}

    static Map<String, Object> features(List<CaseFeature> features) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (CaseFeature feature : features) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("decision", decision(feature.decision()));
            one.put(
                    "candidates",
                    feature.candidates().stream().map(FeatureViews::candidate).toList());
            one.put(
                    "evidence",
                    feature.evidence().stream().map(FeatureViews::evidence).toList());
            view.put(feature.featureId(), one);
        }
        return view;
    }

    private static Map<String, Object> decision(CaseFeature.Decision decision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("decision_id", decision.decisionId());
        view.put("decision", decision.outcome());
        if (decision.many()) {
            view.put("selected_candidate_ids", decision.selectedCandidateIds());
        } else {
            view.put(
                    "selected_candidate_id",
                    decision.selectedCandidateIds().isEmpty()
                            ? null
                            : decision.selectedCandidateIds().getFirst());
        }
        decision.reason().ifPresent(reason -> view.put("reason", reason));
        return view;
    }

    private static Map<String, Object> candidate(CaseFeature.Candidate candidate) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("candidate_id", candidate.candidateId());
        view.put("value_raw", candidate.valueRaw());
        view.put("value_normalized", candidate.valueNormalized());
        view.put("confidence", Math.round(candidate.confidence() * 1000) / 1000.0);
        view.put("evidence_ids", candidate.evidenceIds());
        return view;
    }

    private static Map<String, Object> evidence(CaseFeature.Evidence evidence) {
        if (evidence.sessionId().isPresent()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("evidence_id", evidence.evidenceId());
            view.put("session_id", evidence.sessionId().get());
            view.put("quote", evidence.quote());
            view.put("method", evidence.method());
            return view;
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("char_start", evidence.charStart());
        location.put("char_end", evidence.charEnd());
        evidence.box()
                .ifPresent(box -> location.put(
                        "bbox", Map.of("x0", box.get(0), "y0", box.get(1), "x1", box.get(2), "y1", box.get(3))));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("evidence_id", evidence.evidenceId());
        view.put("doc_id", evidence.docId());
        view.put("page_index", evidence.pageIndex());
        view.put("location", location);
        view.put("quote", evidence.quote());
        view.put("method", evidence.method());
        if (evidence.ocrConfidence().isPresent()) {
            view.put("ocr_confidence", Math.round(evidence.ocrConfidence().getAsDouble() * 1000) / 1000.0);
        }
        return view;
    }
}
