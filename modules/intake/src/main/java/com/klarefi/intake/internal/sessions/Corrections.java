package com.klarefi.intake.internal.sessions;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.Cases;
import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.intake.internal.db.StatementRepository;
import com.klarefi.platform.db.Tx;
import com.klarefi.platform.ids.Ids;
import com.klarefi.processing.api.Documents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values found for a session's case, and the applicant's corrections of them. A correction is
 * read like a value on a page (so it has the same normalised form), stored as the applicant's
 * statement and the case's features are recomputed: the statement joins them as a candidate with
 * evidence pointing at the session, beside what the documents said.
 */
public final class Corrections {
    /** Where a shown value comes from. */
    public enum Source { DOCUMENT, APPLICANT, MISSING }

    /** One feature as the applicant sees it; only single-valued features can be corrected. */
    public record FeatureValue(FeatureDefinition feature, Optional<String> value, Source source) {
        public boolean correctable() {
            return feature.cardinality() == Cardinality.ONE;
        }
    }

    private final StatementRepository statements;
    private final Cases cases;
    private final Documents documents;

    public Corrections(StatementRepository statements, Cases cases, Documents documents) {
        this.statements = statements;
        this.cases = cases;
        this.documents = documents;
    }

    public List<FeatureValue> values(Session session) {
        Map<String, CaseFeature> found = new LinkedHashMap<>();
        cases.features(session.caseId()).forEach(feature -> found.put(feature.featureId(), feature));
        List<FeatureValue> values = new ArrayList<>();
        for (FeatureDefinition definition : caseType(session).features()) {
            values.add(valueOf(definition, Optional.ofNullable(found.get(definition.id()))));
        }
        return values;
    }

    /**
     * Records every changed value as a statement, or nothing when any value cannot be read.
     *
     * @return feature id to the feature whose typed value could not be read; empty when all were stored
     */
    public Map<String, FeatureDefinition> apply(Tx tx, Session session, Map<String, String> typed, Instant now) {
        Map<String, FeatureDefinition> unreadable = new LinkedHashMap<>();
        List<ApplicantStatement> changed = new ArrayList<>();
        for (FeatureValue current : values(session)) {
            String input = typed.getOrDefault(current.feature().id(), "").strip();
            if (!current.correctable() || input.isEmpty() || current.value().map(input::equals).orElse(false)) {
                continue;
            }
            Optional<String> normalized = documents.normalize(current.feature(), input);
            if (normalized.isEmpty()) {
                unreadable.put(current.feature().id(), current.feature());
            } else if (!current.value().equals(normalized)) {
                changed.add(new ApplicantStatement(Ids.newId("stmt"), current.feature().id(), input, normalized.get(),
                        session.id(), now));
            }
        }
        if (unreadable.isEmpty() && !changed.isEmpty()) {
            changed.forEach(statement -> statements.put(tx, session.caseId(), statement));
            documents.recomputeFeatures(tx, session.caseId());
        }
        return unreadable;
    }

    public CaseType caseType(Session session) {
        return documents.caseType(session.caseTypeId()).orElseThrow(() ->
                new IllegalStateException("session " + session.id() + " has an unknown case type"));
    }

    private static FeatureValue valueOf(FeatureDefinition definition, Optional<CaseFeature> feature) {
        if (feature.isEmpty() || feature.get().decision().selectedCandidateIds().isEmpty()) {
            return new FeatureValue(definition, Optional.empty(), Source.MISSING);
        }
        CaseFeature found = feature.get();
        List<String> selected = found.decision().selectedCandidateIds();
        List<CaseFeature.Candidate> chosen = found.candidates().stream()
                .filter(candidate -> selected.contains(candidate.candidateId())).toList();
        if (chosen.isEmpty()) {
            return new FeatureValue(definition, Optional.empty(), Source.MISSING);
        }
        boolean stated = found.evidence().stream().anyMatch(evidence -> evidence.sessionId().isPresent()
                && chosen.getFirst().evidenceIds().contains(evidence.evidenceId()));
        String value = String.join("; ", chosen.stream().map(CaseFeature.Candidate::valueNormalized).toList());
        return new FeatureValue(definition, Optional.of(value), stated ? Source.APPLICANT : Source.DOCUMENT);
    }
}
