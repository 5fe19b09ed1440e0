package com.klarefi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.ApplicantStatement;
import com.klarefi.cases.api.CaseFeature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatementMergeTest {
    private static final CaseFeature FROM_DOCUMENT = new CaseFeature(
            "incident_date",
            new CaseFeature.Decision("dec_1", "review", List.of("cand_1"), false, Optional.of("two dates")),
            List.of(new CaseFeature.Candidate("cand_1", "3 februari 2023", "2023-02-03", 0.7, List.of("ev_1"))),
            List.of(new CaseFeature.Evidence(
                    "ev_1",
                    "doc_1",
                    0,
                    10,
                    25,
                    Optional.empty(),
                    "3 februari 2023",
                    "born_digital_text",
                    OptionalDouble.empty())));

    @Test
    void withoutStatementsTheComputationIsKeptAsItIs() {
        assertThat(StatementMerge.merge(List.of(FROM_DOCUMENT), List.of())).containsExactly(FROM_DOCUMENT);
    }

    @Test
    void aStatementIsAddedBesideTheDocumentsCandidateAndTheDecisionKeepsIt() {
        CaseFeature merged = StatementMerge.merge(
                        List.of(FROM_DOCUMENT), List.of(statement("stmt_1", "incident_date", "2023-02-04")))
                .getFirst();

        assertThat(merged.candidates())
                .extracting(CaseFeature.Candidate::valueNormalized)
                .containsExactly("2023-02-03", "2023-02-04");
        assertThat(merged.decision().outcome()).isEqualTo("keep");
        assertThat(merged.decision().selectedCandidateIds()).containsExactly("cand_stmt_1");
        assertThat(merged.decision().decisionId()).isEqualTo("dec_1");
        CaseFeature.Evidence evidence = merged.evidence().getLast();
        assertThat(evidence.method()).isEqualTo("applicant_statement");
        assertThat(evidence.sessionId()).contains("session-1");
        assertThat(evidence.docId()).isNull();
        assertThat(merged.candidates().getLast().evidenceIds()).containsExactly(evidence.evidenceId());
    }

    @Test
    void theNewestStatementIsPreferredAndAStatementWithoutComputationStillCounts() {
        List<CaseFeature> merged = StatementMerge.merge(
                List.of(FROM_DOCUMENT),
                List.of(
                        statement("stmt_1", "incident_date", "2023-02-04"),
                        statement("stmt_2", "incident_date", "2023-02-05"),
                        statement("stmt_3", "policy_number", "AB-1")));

        assertThat(merged.get(0).decision().selectedCandidateIds()).containsExactly("cand_stmt_2");
        assertThat(merged.get(1).featureId()).isEqualTo("policy_number");
        assertThat(merged.get(1).decision().outcome()).isEqualTo("keep");
    }

    @Test
    void aStatementThatThereIsNoValueMakesTheFeatureMissingAndKeepsWhatTheDocumentsSaid() {
        CaseFeature merged = StatementMerge.merge(
                        List.of(FROM_DOCUMENT),
                        List.of(
                                statement("stmt_1", "incident_date", "2023-02-04"),
                                ApplicantStatement.absence("stmt_2", "incident_date", "session-1", Instant.EPOCH)))
                .getFirst();

        assertThat(merged.decision().outcome()).isEqualTo("missing");
        assertThat(merged.decision().selectedCandidateIds()).isEmpty();
        assertThat(merged.decision().reason()).contains(ApplicantStatement.STATED_ABSENT);
        assertThat(merged.candidates())
                .extracting(CaseFeature.Candidate::valueNormalized)
                .containsExactly("2023-02-03", "2023-02-04");
    }

    private static ApplicantStatement statement(String id, String feature, String value) {
        return new ApplicantStatement(id, feature, value, value, "session-1", Instant.EPOCH);
    }
}
