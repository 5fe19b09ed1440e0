package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.ExtractionResults.kept;
import static com.klarefi.extraction.internal.Pages.aPage;
import static com.klarefi.extraction.internal.Pages.document;
import static com.klarefi.extraction.internal.Pages.plainText;
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

/** The engine on synthetic pages, with a case type that exists only as configuration. */
class ExtractionEngineTest {
    private static final CaseType RENTAL = CaseTypes.parse("""
            {"id": "rental_damage", "name": "Rental damage", "locales": ["nl", "en"], "features": [
              {"id": "damage_date", "type": "date", "labels": {"nl": ["Schadedatum"], "en": ["Date of damage", "damaged"]}},
              {"id": "billed_on", "type": "date", "labels": {"nl": ["Factuurdatum", "Datum"], "en": ["Invoice date", "Date"]}},
              {"id": "amount", "type": "money", "labels": {"nl": ["Totaal"], "en": ["Total"]}},
              {"id": "payout_account", "type": "iban", "labels": {"nl": ["Rekeningnummer"], "en": ["Bank account"]}},
              {"id": "renter", "type": "person_name", "labels": {"nl": ["Huurder"], "en": ["Renter"]}},
              {"id": "car", "type": "license_plate", "labels": {"nl": ["Kenteken"], "en": ["Registration"]}},
              {"id": "other_car", "type": "license_plate", "labels": {"nl": ["Kenteken", "Kenteken tegenpartij"], "en": ["Other vehicle"]}},
              {"id": "contract", "type": "identifier", "pattern": "RC-\\\\d{6}", "labels": {"nl": ["Contract"], "en": ["Contract"]}},
              {"id": "extras", "type": "money", "cardinality": "many", "labels": {"nl": ["Toeslag"], "en": ["Surcharge"]}}]}""");

    private final Extractor extractor = Extractor.create();

    private ExtractionResult extract(DocumentText... documents) {
        return extractor.extract(RENTAL, List.of(documents));
    }

    @Test
    void readsAValueOnTheSameLineRightOfItsLabel() {
        PageLayer page = aPage().line(0, "Huurder", 30, "Vries, Anna de")
                .line(0, "Kenteken", 30, "xk-482-b")
                .build();
        ExtractionResult result = extract(document("doc_a", page));
        assertThat(kept(result, "renter")).isEqualTo("Anna de Vries");
        assertThat(kept(result, "car")).isEqualTo("XK-482-B");
    }

    @Test
    void readsValuesBelowTheirLabelInTheirOwnColumn() {
        PageLayer page = aPage().line(0, "Schadedatum", 40, "Factuurdatum", 80, "Contract")
                .line(0, "12-03-2021", 40, "2 april 2021", 80, "RC-123456")
                .build();
        ExtractionResult result = extract(document("doc_a", page));
        assertThat(kept(result, "damage_date")).isEqualTo("2021-03-12");
        assertThat(kept(result, "billed_on")).isEqualTo("2021-04-02");
        assertThat(kept(result, "contract")).isEqualTo("RC-123456");
    }

    @Test
    void doesNotTakeASubtotalADueDateOrABirthDateForTheFeature() {
        PageLayer page = aPage().line(0, "Geboortedatum", 30, "01-01-1980")
                .line(0, "Datum", 30, "05-05-2021")
                .line(0, "Vervaldatum", 30, "05-06-2021")
                .line(0, "Subtotaal", 30, "€ 100,00")
                .line(0, "BTW 21%", 30, "€ 21,00")
                .line(0, "Totaal", 30, "€ 121,00")
                .build();
        ExtractionResult result = extract(document("doc_a", page));
        assertThat(kept(result, "billed_on")).isEqualTo("2021-05-05");
        assertThat(kept(result, "amount")).isEqualTo("EUR 121.00");
        assertThat(result.feature("amount").orElseThrow().candidates()).hasSize(1);
    }

    @Test
    void givesAPlateUnderASharedLabelToTheFeatureThatOnlyItsOwnLabelNames() {
        PageLayer page = aPage().line(0, "Kenteken", 30, "GV-123-K")
                .line(0, "Kenteken tegenpartij", 30, "12-ABC-3")
                .build();
        ExtractionResult result = extract(document("doc_a", page));
        assertThat(kept(result, "car")).isEqualTo("GV-123-K");
        assertThat(kept(result, "other_car")).isEqualTo("12-ABC-3");
    }

    @Test
    void readsValuesNearTheirLabelInRunningText() {
        PageLayer mail = plainText("Beste,\n\nDe auto werd op 14 juni 2021 damaged bij het tanken. "
                + "Graag het bedrag op Rekeningnummer NL91 ABNA 0417 1643 00 storten.\n\nGroet");
        ExtractionResult result = extract(document("doc_mail", mail));
        assertThat(kept(result, "payout_account")).isEqualTo("NL91ABNA0417164300");
        assertThat(result.feature("damage_date")
                        .orElseThrow()
                        .selected()
                        .getFirst()
                        .valueNormalized())
                .isEqualTo("2021-06-14");
    }

    @Test
    void quotesExactlyTheCharactersOfThePageWithTheirBox() {
        PageLayer page = aPage().line(0, "Totaal", 30, "EUR 1.234,50").build();
        FeatureResult amount =
                extract(document("doc_a", page)).feature("amount").orElseThrow();
        var evidence = amount.evidence().getFirst();
        assertThat(evidence.quote()).isEqualTo("EUR 1.234,50");
        assertThat(page.text()
                        .substring(
                                evidence.location().charStart(),
                                evidence.location().charEnd()))
                .isEqualTo(evidence.quote());
        assertThat(evidence.location().boundingBox())
                .hasValueSatisfying(box -> assertThat(box.x0()).isEqualTo(150f));
        assertThat(evidence.docId()).isEqualTo("doc_a");
        assertThat(amount.candidates().getFirst().evidenceIds()).containsExactly(evidence.evidenceId());
    }

    @Test
    void marksConflictingDocumentsForReviewWithABestGuessAndAReason() {
        DocumentText first = document(
                "doc_a", aPage().line(0, "Huurder", 30, "Anna de Vries").build());
        DocumentText second =
                document("doc_b", aPage().line(0, "Huurder", 30, "Piet Jansen").build());
        FeatureResult renter = extract(first, second).feature("renter").orElseThrow();
        assertThat(renter.decision().outcome()).isEqualTo(DecisionOutcome.REVIEW);
        assertThat(renter.decision().selectedCandidateId()).isPresent();
        assertThat(renter.decision().reason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("disagree"));
    }

    @Test
    void letsAgreeingDocumentsRaiseConfidence() {
        PageLayer mail = plainText("De schade ontstond toen de auto op 14 juni 2021 damaged raakte.");
        double alone = extract(document("doc_mail", mail))
                .feature("damage_date")
                .orElseThrow()
                .candidates()
                .getFirst()
                .confidence();
        DocumentText form = document(
                "doc_form", aPage().line(0, "Schadedatum", 30, "14-06-2021").build());
        FeatureResult both =
                extract(document("doc_mail", mail), form).feature("damage_date").orElseThrow();
        assertThat(both.candidates()).hasSize(1);
        assertThat(both.candidates().getFirst().confidence()).isGreaterThan(alone);
        assertThat(both.candidates().getFirst().evidenceIds()).hasSize(2);
    }

    @Test
    void reportsAFeatureNoDocumentStatesAsMissing() {
        FeatureResult contract = extract(document(
                        "doc_a", aPage().line(0, "Huurder", 30, "Anna de Vries").build()))
                .feature("contract")
                .orElseThrow();
        assertThat(contract.decision().outcome()).isEqualTo(DecisionOutcome.MISSING);
        assertThat(contract.candidates()).isEmpty();
        assertThat(contract.decision().selectedCandidateIds()).isEmpty();
    }

    @Test
    void keepsEveryClearValueOfAFeatureWithCardinalityMany() {
        PageLayer page = aPage().line(0, "Toeslag", 30, "€ 10,00")
                .blank()
                .line(0, "Toeslag", 30, "€ 25,00")
                .build();
        FeatureResult extras =
                extract(document("doc_a", page)).feature("extras").orElseThrow();
        assertThat(extras.decision().outcome()).isEqualTo(DecisionOutcome.KEEP);
        assertThat(extras.selected())
                .extracting(c -> c.valueNormalized())
                .containsExactlyInAnyOrder("EUR 10.00", "EUR 25.00");
    }

    @Test
    void derivesTheSameIdsFromTheSameInput() {
        PageLayer page = aPage().line(0, "Schadedatum", 40, "Factuurdatum")
                .line(0, "12-03-2021", 40, "2 april 2021")
                .build();
        ExtractionResult once = extract(document("doc_a", page));
        ExtractionResult again = Extractor.create().extract(RENTAL, List.of(document("doc_a", page)));
        assertThat(again).isEqualTo(once);
    }

    @Test
    void takesADistinctiveValueWithoutALabelAsACandidateWhenTheCaseStatesItOnce() {
        PageLayer page = aPage().line(0, "Huurder", 30, "Anna de Vries")
                .blank()
                .line(0, "Graag overmaken naar")
                .line(0, "NL91 ABNA 0417 1643 00")
                .build();
        FeatureResult account =
                extract(document("doc_a", page)).feature("payout_account").orElseThrow();
        assertThat(account.decision().outcome()).isNotEqualTo(DecisionOutcome.MISSING);
        assertThat(account.candidates()).extracting(c -> c.valueNormalized()).containsExactly("NL91ABNA0417164300");
    }

    @Test
    void givesAnUnlabelledPlateOnlyToTheMainPartysFeature() {
        PageLayer page = aPage().line(0, "Huurder", 30, "Anna de Vries")
                .blank()
                .line(0, "Auto: GV-123-K")
                .build();
        ExtractionResult result = extract(document("doc_a", page));
        assertThat(result.feature("car").orElseThrow().candidates())
                .extracting(c -> c.valueNormalized())
                .containsExactly("GV-123-K");
        assertThat(result.feature("other_car").orElseThrow().candidates()).isEmpty();
    }

    @Test
    void takesNoUnlabelledValueBesideARivalOrALabelledValue() {
        PageLayer twoAccounts = aPage().line(0, "NL91 ABNA 0417 1643 00")
                .blank()
                .line(0, "DE89 3704 0044 0532 0130 00")
                .build();
        assertThat(extract(document("doc_a", twoAccounts))
                        .feature("payout_account")
                        .orElseThrow()
                        .candidates())
                .isEmpty();
        PageLayer labelled = aPage().line(0, "Rekeningnummer", 30, "NL91 ABNA 0417 1643 00")
                .blank()
                .line(0, "DE89 3704 0044 0532 0130 00")
                .build();
        assertThat(extract(document("doc_a", labelled))
                        .feature("payout_account")
                        .orElseThrow()
                        .candidates())
                .extracting(c -> c.valueNormalized())
                .containsExactly("NL91ABNA0417164300");
        PageLayer twice = aPage().line(0, "NL91 ABNA 0417 1643 00")
                .blank()
                .line(0, "NL91 ABNA 0417 1643 00")
                .build();
        assertThat(extract(document("doc_a", twice))
                        .feature("payout_account")
                        .orElseThrow()
                        .candidates())
                .isEmpty();
    }
}
