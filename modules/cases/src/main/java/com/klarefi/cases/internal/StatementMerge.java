package com.klarefi.cases.internal;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.CaseFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds applicant statements to features computed from documents. Each statement becomes a
 * candidate with its own evidence (method {@code applicant_statement}, pointing at the session);
 * the document candidates stay, so a correction is visible as a correction, never an overwrite.
 * The decision keeps the newest statement of the feature; when that says there is no value, the
 * decision is {@code missing} and the candidates stay for the reviewer.
 */
final class StatementMerge {
    static final String REASON = "stated by the applicant";

    private StatementMerge() {}

    static List<CaseFeature> merge(List<CaseFeature> computed, List<ApplicantStatement> statements) {
        if (statements.isEmpty()) {
            return computed;
        }
        Map<String, List<ApplicantStatement>> byFeature = new LinkedHashMap<>();
        statements.forEach(statement -> byFeature
                .computeIfAbsent(statement.featureId(), id -> new ArrayList<>())
                .add(statement));
        List<CaseFeature> merged = new ArrayList<>(computed.size() + byFeature.size());
        for (CaseFeature feature : computed) {
            List<ApplicantStatement> stated = byFeature.remove(feature.featureId());
            merged.add(stated == null ? feature : withStatements(feature, stated));
        }
        // A statement about a feature no document computation returned (e.g. nothing read yet) still counts.
        byFeature.forEach((featureId, stated) -> merged.add(withStatements(empty(featureId), stated)));
        return merged;
    }

    private static CaseFeature withStatements(CaseFeature feature, List<ApplicantStatement> stated) {
        List<CaseFeature.Candidate> candidates = new ArrayList<>(feature.candidates());
        List<CaseFeature.Evidence> evidence = new ArrayList<>(feature.evidence());
        String preferred = null;
        for (ApplicantStatement statement : stated) {
            if (statement.statesAbsence()) {
                preferred = null;
                continue;
            }
            String evidenceId = "ev_" + statement.statementId();
            preferred = "cand_" + statement.statementId();
            evidence.add(CaseFeature.Evidence.statement(evidenceId, statement.sessionId(), statement.valueRaw()));
            candidates.add(new CaseFeature.Candidate(
                    preferred, statement.valueRaw(), statement.valueNormalized(), 1.0, List.of(evidenceId)));
        }
        CaseFeature.Decision decision = preferred == null
                ? new CaseFeature.Decision(
                        feature.decision().decisionId(),
                        "missing",
                        List.of(),
                        feature.decision().many(),
                        Optional.of(ApplicantStatement.STATED_ABSENT))
                : new CaseFeature.Decision(
                        feature.decision().decisionId(),
                        "keep",
                        List.of(preferred),
                        feature.decision().many(),
                        Optional.of(REASON));
        return new CaseFeature(feature.featureId(), decision, candidates, evidence);
    }

    private static CaseFeature empty(String featureId) {
        return new CaseFeature(
                featureId,
                new CaseFeature.Decision("dec_" + featureId, "missing", List.of(), false, Optional.empty()),
                List.of(),
                List.of());
    }
}
