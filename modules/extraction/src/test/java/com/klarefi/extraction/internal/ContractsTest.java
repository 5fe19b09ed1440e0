package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.PageLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contracts read by their structure, with the built-in nda case type and with one an operator
 * writes on day one from the field names alone.
 */
class ContractsTest {
    private static final CaseType FROM_FIELD_NAMES = CaseTypes.parse("""
            {"id": "nda_min", "name": "NDA", "locales": ["en"], "features": [
              {"id": "party", "type": "organization_name", "cardinality": "many", "labels": {"en": ["party"]}},
              {"id": "effective_date", "type": "date", "labels": {"en": ["effective date"]}},
              {"id": "jurisdiction", "type": "place", "labels": {"en": ["jurisdiction"]}},
              {"id": "term", "type": "duration", "labels": {"en": ["term"]}}]}""");

    private static final String SIGNED_CONTRACT = """
            CONFIDENTIALITY AGREEMENT
            This Confidentiality Agreement (the "Agreement") is dated as of August 3, 2009, between Aspect
            Medical Systems, Inc., a Delaware corporation ("Aspect"), and Tyco Healthcare Group LP, a
            Delaware limited partnership ("Receiving Party").
            1. Receiving Party shall hold the information of Aspect in confidence and return it within ten
            (10) days after a request. Its obligations not to solicit employees last twelve (12) months
            after the end of any discussions.
            2. Term. This Agreement shall terminate three (3) years from the date hereof.
            3. This Agreement shall be governed by the laws of the Commonwealth of Massachusetts, without
            regard to its conflict of laws rules.
            IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.
            ASPECT MEDICAL SYSTEMS, INC.          TYCO HEALTHCARE GROUP LP
            By: /s/ Nassib Chamoun                By: /s/ Richard Meelia""";

    private static final String OPENING = """
            This Agreement is entered into as of January 1, 2008, by and between Verso Paper Holdings LLC
            ("Verso") and Peter H. Kesser ("Employee").
            """;

    private final Extractor extractor = Extractor.create();

    private static CaseType builtIn() {
        return CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals("nda"))
                .findFirst()
                .orElseThrow();
    }

    private ExtractionResult extract(CaseType caseType, PageLayer page) {
        return extractor.extract(caseType, List.of(new DocumentText("doc", List.of(page))));
    }

    private static FeatureResult feature(ExtractionResult result, String id) {
        return result.feature(id).orElseThrow();
    }

    private static List<String> selected(ExtractionResult result, String id) {
        return feature(result, id).selected().stream()
                .map(candidate -> candidate.valueNormalized())
                .toList();
    }

    @Test
    void keepsThePartiesThatTheOpeningSentenceDefinesAndTheSignaturesRepeat() {
        for (CaseType caseType : List.of(builtIn(), FROM_FIELD_NAMES)) {
            ExtractionResult result = extract(caseType, plainTextWithCells(SIGNED_CONTRACT));
            assertThat(feature(result, "party").decision().outcome())
                    .as(caseType.id())
                    .isEqualTo(DecisionOutcome.KEEP);
            assertThat(selected(result, "party"))
                    .as(caseType.id())
                    .containsExactlyInAnyOrder("Aspect Medical Systems Inc.", "Tyco Healthcare Group LP");
            assertThat(selected(result, "effective_date")).as(caseType.id()).containsExactly("2009-08-03");
            assertThat(selected(result, "jurisdiction")).as(caseType.id()).containsExactly("Massachusetts");
            assertThat(selected(result, "term")).as(caseType.id()).containsExactly("3_years");
        }
    }

    @Test
    void sendsTheWholeListToReviewWhenOnePartyIsNamedOnlyInPassing() {
        String unsigned = """
                This Non-Circumvention Agreement is made this 6th of February, 1999 by and between High Speed
                Net Solutions and R. J. Seifert Enterprises, Inc. ("Seifert"). The Parties shall survive.""";
        for (CaseType caseType : List.of(builtIn(), FROM_FIELD_NAMES)) {
            FeatureResult party = feature(extract(caseType, plainTextWithCells(unsigned)), "party");
            assertThat(party.decision().outcome()).as(caseType.id()).isEqualTo(DecisionOutcome.REVIEW);
            assertThat(party.selected())
                    .as(caseType.id())
                    .extracting(candidate -> candidate.valueNormalized())
                    .containsExactlyInAnyOrder("High Speed Net Solutions", "R. J. Seifert Enterprises Inc.");
        }
    }

    @Test
    void aContractWithoutATermClauseHasNoTermEvenWhereItNamesPeriods() {
        String noTerm = """
                This Agreement is entered into as of January 1, 2008, by and between Verso Paper Holdings LLC
                ("Verso") and Peter H. Kesser ("Employee"). For a period of two (2) years after the Employee
                leaves Verso, the Employee shall not solicit its customers. Either party may end this Agreement
                upon thirty (30) days' notice.""";
        for (CaseType caseType : List.of(builtIn(), FROM_FIELD_NAMES)) {
            assertThat(feature(extract(caseType, plainTextWithCells(noTerm)), "term")
                            .decision()
                            .outcome())
                    .as(caseType.id())
                    .isNotEqualTo(DecisionOutcome.KEEP);
        }
    }

    @Test
    void anAgreementWithoutATermClauseHasNoTermAtAllNotEvenOneALabelPointsAt() {
        String noTerm = OPENING + """
                During the term of this Agreement and for a period of one (1) year thereafter, the Employee
                shall not solicit the customers of Verso.""";
        for (CaseType caseType : List.of(builtIn(), FROM_FIELD_NAMES)) {
            assertThat(feature(extract(caseType, plainTextWithCells(noTerm)), "term")
                            .decision()
                            .outcome())
                    .as(caseType.id())
                    .isEqualTo(DecisionOutcome.MISSING);
        }
    }

    @Test
    void anAgreementsTermFromItsStartWithoutADurationSentenceIsOnlyAGuess() {
        String fromStartOnly = OPENING + """
                1. The parties shall hold the information in confidence for a period of two (2) years from the date
                hereof.""";
        for (CaseType caseType : List.of(builtIn(), FROM_FIELD_NAMES)) {
            FeatureResult term = feature(extract(caseType, plainTextWithCells(fromStartOnly)), "term");
            assertThat(term.decision().outcome()).as(caseType.id()).isEqualTo(DecisionOutcome.REVIEW);
            assertThat(term.selected())
                    .as(caseType.id())
                    .extracting(candidate -> candidate.valueNormalized())
                    .containsExactly("2_years");
        }
    }
}
