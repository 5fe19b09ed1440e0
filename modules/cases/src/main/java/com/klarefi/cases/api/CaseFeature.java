package com.klarefi.cases.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One feature of a case as the case stores and shows it: the decision, the candidates and the
 * evidence that points at the characters each candidate came from.
 */
public record CaseFeature(String featureId, Decision decision, List<Candidate> candidates, List<Evidence> evidence) {
    public CaseFeature {
        candidates = List.copyOf(candidates);
        evidence = List.copyOf(evidence);
    }

    /** {@code keep}, {@code review} or {@code missing}; {@code many} features select several. */
    public record Decision(
            String decisionId,
            String outcome,
            List<String> selectedCandidateIds,
            boolean many,
            Optional<String> reason) {
        public Decision {
            selectedCandidateIds = List.copyOf(selectedCandidateIds);
        }
    }

    public record Candidate(
            String candidateId, String valueRaw, String valueNormalized, double confidence, List<String> evidenceIds) {
        public Candidate {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }

    /**
     * Where a candidate came from. Usually characters of a document's page: {@code box} is
     * {x0, y0, x1, y1} in the page's units when the position is known. An applicant's statement
     * points at the hosted intake session instead: {@code sessionId} is set, {@code docId} is null
     * and the offsets are 0; {@code quote} is what the applicant typed.
     */
    public record Evidence(
            String evidenceId,
            String docId,
            int pageIndex,
            int charStart,
            int charEnd,
            Optional<List<Float>> box,
            String quote,
            String method,
            OptionalDouble ocrConfidence,
            Optional<String> sessionId) {
        public static final String APPLICANT_STATEMENT = "applicant_statement";

        public Evidence(
                String evidenceId,
                String docId,
                int pageIndex,
                int charStart,
                int charEnd,
                Optional<List<Float>> box,
                String quote,
                String method,
                OptionalDouble ocrConfidence) {
            this(evidenceId, docId, pageIndex, charStart, charEnd, box, quote, method, ocrConfidence, Optional.empty());
        }

        public static Evidence statement(String evidenceId, String sessionId, String quote) {
            return new Evidence(
                    evidenceId,
                    null,
                    0,
                    0,
                    0,
                    Optional.empty(),
                    quote,
                    APPLICANT_STATEMENT,
                    OptionalDouble.empty(),
                    Optional.of(sessionId));
        }
    }
}
