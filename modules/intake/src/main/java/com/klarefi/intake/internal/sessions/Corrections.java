package com.klarefi.intake.internal.sessions;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.CaseFeature;
import com.klarefi.cases.api.CaseFeatures;
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
 * evidence pointing at the session, beside what the documents said. Clearing a value states that
 * there is none. A value that cannot be read is refused while the readable ones are kept.
 */
public final class Corrections {
    /** Where a shown value comes from; {@code REVIEW} is a value of the documents the engine was unsure of. */
    public enum Source {
        DOCUMENT,
        REVIEW,
        APPLICANT,
        ABSENT,
        MISSING
    }

    /**
     * One feature as the applicant sees it, {@code shown} in the session's language; only
     * single-valued features can be corrected.
     */
    public record FeatureValue(FeatureDefinition feature, Optional<String> value, String shown, Source source) {
        public boolean correctable() {
            return feature.cardinality() == Cardinality.ONE;
        }
    }

    /** What a save did: how many statements it stored, and the features whose typed value could not be read. */
    public record Applied(int stored, Map<String, FeatureDefinition> unreadable) {}

    private final StatementRepository statements;
    private final CaseFeatures cases;
    private final Documents documents;

    public Corrections(StatementRepository statements, CaseFeatures cases, Documents documents) {
        this.statements = statements;
        this.cases = cases;
        this.documents = documents;
    }

    public List<FeatureValue> values(Session session) {
        Map<String, CaseFeature> found = new LinkedHashMap<>();
        cases.features(session.caseId()).forEach(feature -> found.put(feature.featureId(), feature));
        List<FeatureValue> values = new ArrayList<>();
        for (FeatureDefinition definition : caseType(session).features()) {
            values.add(valueOf(definition, Optional.ofNullable(found.get(definition.id())), session.locale()));
        }
        return values;
    }

    /**
     * Records every changed value of {@code typed} (feature id to what the form held) as a
     * statement; an emptied value states that there is none. Features the form did not hold are
     * left alone, and so are values that cannot be read.
     */
    public Applied apply(Tx tx, Session session, Map<String, String> typed, Instant now) {
        Map<String, FeatureDefinition> unreadable = new LinkedHashMap<>();
        List<ApplicantStatement> changed = new ArrayList<>();
        for (FeatureValue current : values(session)) {
            String featureId = current.feature().id();
            if (!current.correctable() || !typed.containsKey(featureId)) {
                continue;
            }
            String input = typed.get(featureId).strip();
            if (input.equals(current.shown())
                    || current.value().map(input::equals).orElse(false)) {
                continue;
            }
            if (input.isEmpty()) {
                changed.add(ApplicantStatement.absence(Ids.newId("stmt"), featureId, session.id(), now));
                continue;
            }
            Optional<String> normalized = documents.normalize(current.feature(), input);
            if (normalized.isEmpty()) {
                unreadable.put(featureId, current.feature());
            } else if (!current.value().equals(normalized)) {
                changed.add(new ApplicantStatement(
                        Ids.newId("stmt"), featureId, input, normalized.get(), session.id(), now));
            }
        }
        if (!changed.isEmpty()) {
            changed.forEach(statement -> statements.put(tx, session.caseId(), statement));
            documents.recomputeFeatures(tx, session.caseId());
        }
        return new Applied(changed.size(), unreadable);
    }

    public CaseType caseType(Session session) {
        return documents
                .caseType(session.caseTypeId())
                .orElseThrow(() -> new IllegalStateException("session " + session.id() + " has an unknown case type"));
    }

    static FeatureValue valueOf(FeatureDefinition definition, Optional<CaseFeature> feature, String locale) {
        CaseFeature.Decision decision = feature.map(CaseFeature::decision).orElse(null);
        List<CaseFeature.Candidate> chosen = feature.map(found -> found.candidates().stream()
                        .filter(candidate ->
                                found.decision().selectedCandidateIds().contains(candidate.candidateId()))
                        .toList())
                .orElse(List.of());
        if (chosen.isEmpty()) {
            boolean statedAbsent = decision != null
                    && decision.reason()
                            .map(ApplicantStatement.STATED_ABSENT::equals)
                            .orElse(false);
            return new FeatureValue(definition, Optional.empty(), "", statedAbsent ? Source.ABSENT : Source.MISSING);
        }
        boolean stated = feature.get().evidence().stream()
                .anyMatch(evidence -> evidence.sessionId().isPresent()
                        && chosen.getFirst().evidenceIds().contains(evidence.evidenceId()));
        String value = String.join(
                "; ",
                chosen.stream().map(CaseFeature.Candidate::valueNormalized).toList());
        String shown = String.join(
                "; ",
                chosen.stream()
                        .map(candidate -> LocalValues.format(definition.type(), candidate.valueNormalized(), locale))
                        .toList());
        Source source =
                stated ? Source.APPLICANT : decision.outcome().equals("review") ? Source.REVIEW : Source.DOCUMENT;
        return new FeatureValue(definition, Optional.of(value), shown, source);
    }
}
