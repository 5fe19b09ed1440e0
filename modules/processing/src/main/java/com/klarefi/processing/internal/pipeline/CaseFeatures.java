package com.klarefi.processing.internal.pipeline;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.extraction.api.BoundingBox;
import com.klarefi.extraction.api.Candidate;
import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.Evidence;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.FeatureResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns the engine's result into the features the case stores and shows. */
final class CaseFeatures {
    private CaseFeatures() {}

    static List<CaseFeature> of(ExtractionResult result) {
        return result.features().stream().map(CaseFeatures::feature).toList();
    }

    private static CaseFeature feature(FeatureResult result) {
        CaseFeature.Decision decision = new CaseFeature.Decision(
                result.decision().decisionId(),
                result.decision().outcome().name().toLowerCase(Locale.ROOT),
                result.decision().selectedCandidateIds(),
                result.feature().cardinality() == Cardinality.MANY,
                result.decision().reason());
        return new CaseFeature(
                result.feature().id(),
                decision,
                result.candidates().stream().map(CaseFeatures::candidate).toList(),
                result.evidence().stream().map(CaseFeatures::evidence).toList());
    }

    private static CaseFeature.Candidate candidate(Candidate candidate) {
        return new CaseFeature.Candidate(
                candidate.candidateId(),
                candidate.valueRaw(),
                candidate.valueNormalized(),
                candidate.confidence(),
                candidate.evidenceIds());
    }

    private static CaseFeature.Evidence evidence(Evidence evidence) {
        Optional<List<Float>> box = evidence.location().boundingBox().map(CaseFeatures::corners);
        return new CaseFeature.Evidence(
                evidence.evidenceId(),
                evidence.docId(),
                evidence.pageIndex(),
                evidence.location().charStart(),
                evidence.location().charEnd(),
                box,
                evidence.quote(),
                evidence.method().wireName(),
                evidence.ocrConfidence());
    }

    private static List<Float> corners(BoundingBox box) {
        return List.of(box.x0(), box.y0(), box.x1(), box.y1());
    }
}
