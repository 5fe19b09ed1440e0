package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseFeature;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.FeatureDefinition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How a feature of the case is shown to the applicant, without a database. */
class CorrectionsTest {
    private static final FeatureDefinition AMOUNT =
            CaseTypes.parse("""
            {"id": "repair", "name": "Reparatie", "locales": ["nl"],
             "features": [{"id": "amount", "type": "money", "labels": {"nl": ["Bedrag"]}}]}""").features().getFirst();

    @Test
    void aValueTheEngineKeptComesFromTheDocuments() {
        Corrections.FeatureValue value = Corrections.valueOf(AMOUNT, Optional.of(decided("keep")), "nl");

        assertThat(value.source()).isEqualTo(Corrections.Source.DOCUMENT);
        assertThat(value.value()).contains("EUR 1259.25");
        assertThat(value.shown()).isEqualTo("€ 1.259,25");
    }

    @Test
    void aValueTheEngineWantsReviewedIsMarkedForChecking() {
        assertThat(Corrections.valueOf(AMOUNT, Optional.of(decided("review")), "en")
                        .source())
                .isEqualTo(Corrections.Source.REVIEW);
    }

    @Test
    void nothingFoundIsMissing() {
        Corrections.FeatureValue value = Corrections.valueOf(AMOUNT, Optional.empty(), "nl");

        assertThat(value.source()).isEqualTo(Corrections.Source.MISSING);
        assertThat(value.shown()).isEmpty();
    }

    private static CaseFeature decided(String outcome) {
        return new CaseFeature(
                "amount",
                new CaseFeature.Decision("dec_1", outcome, List.of("cand_1"), false, Optional.empty()),
                List.of(new CaseFeature.Candidate("cand_1", "€ 1.259,25", "EUR 1259.25", 0.6, List.of("ev_1"))),
                List.of(new CaseFeature.Evidence(
                        "ev_1",
                        "doc_1",
                        0,
                        0,
                        10,
                        Optional.empty(),
                        "€ 1.259,25",
                        "born_digital_text",
                        OptionalDouble.empty())));
    }
}
