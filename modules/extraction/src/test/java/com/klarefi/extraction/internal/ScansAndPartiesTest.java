package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.ExtractionResults.kept;
import static com.klarefi.extraction.internal.Pages.aPage;
import static com.klarefi.extraction.internal.Pages.anOcrPage;
import static com.klarefi.extraction.internal.Pages.document;
import static com.klarefi.extraction.internal.Pages.plainTextWithCells;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DecisionOutcome;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.PageLayer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scanned pages, e-mails and parties: how the engine reads them, with a configured case type. */
class ScansAndPartiesTest {
    private static final CaseType TOWING = CaseTypes.parse("""
            {"id": "towing", "name": "Towing", "locales": ["nl", "en"], "features": [
              {"id": "towed_on", "type": "date", "labels": {"nl": ["Datum"], "en": ["Date"]}},
              {"id": "customer", "type": "person_name", "labels": {"nl": ["Naam"], "en": ["Name"]}},
              {"id": "customer_mail", "type": "email", "labels": {"nl": ["Van"], "en": ["From"]}},
              {"id": "refund_account", "type": "iban", "labels": {"nl": ["IBAN"], "en": ["IBAN"]}},
              {"id": "car", "type": "license_plate", "labels": {"nl": ["Kenteken"], "en": ["Registration"]}},
              {"id": "other_car", "type": "license_plate", "labels": {"nl": ["Kenteken", "Kenteken tegenpartij"], "en": ["Other vehicle"]}},
              {"id": "tow_company_kvk", "type": "kvk", "labels": {"nl": ["KvK"], "en": ["CoC"]}}]}""");

    private final Extractor extractor = Extractor.create();

    private ExtractionResult extract(PageLayer... pages) {
        return extractor.extract(
                TOWING,
                Arrays.stream(pages)
                        .map(page -> document("doc_" + page.text().hashCode(), page))
                        .toList());
    }

    private static FeatureResult feature(ExtractionResult result, String id) {
        return result.feature(id).orElseThrow();
    }

    @Test
    void pairsLabelsAndValuesAlongTheRowsOfAScanThatOcrReadColumnByColumn() {
        PageLayer scan = anOcrPage()
                .textLine(0, 0, "Naam")
                .textLine(0, 1, "Datum")
                .textLine(0, 2, "Kenteken")
                .textLine(30, 0, "Jansen, Piet")
                .textLine(30, 1, "3 maart 2022")
                .textLine(30, 2, "GV-123-K")
                .build();
        ExtractionResult result = extract(scan);
        assertThat(kept(result, "customer")).isEqualTo("Piet Jansen");
        assertThat(kept(result, "towed_on")).isEqualTo("2022-03-03");
        assertThat(kept(result, "car")).isEqualTo("GV-123-K");
    }

    @Test
    void keepsAnOcrReadIbanWhoseCheckDigitsHoldHoweverUnsureTheOcrWas() {
        PageLayer scan = anOcrPage()
                .textLine(0, 0, "IBAN", 0.9f)
                .textLine(30, 0, "NL91 ABNA 0417 1643 00", 0.1f)
                .build();
        assertThat(kept(extract(scan), "refund_account")).isEqualTo("NL91ABNA0417164300");
    }

    @Test
    void takesTheSenderOfAnEmailAsAPartyNotAsALetterhead() {
        PageLayer mail = plainTextWithCells("From: Piet Jansen <piet@example.org>\nTo: claims@example.com\n"
                + "Subject: towing\n\nHello,\n\nplease find the bill attached.\n\nPiet");
        assertThat(kept(extract(mail), "customer_mail")).isEqualTo("piet@example.org");
    }

    @Test
    void doesNotLetWeakSightingsOfOnePartysPlateInManyDocumentsAddUpToTheOtherParty() {
        PageLayer form = aPage().line(0, "Kenteken", 30, "GV-123-K").build();
        PageLayer letter = aPage().line(0, "Betreft", 30, "Kenteken GV-123-K").build();
        PageLayer bill = aPage().line(0, "Kenteken:", 30, "gv-123-k")
                .line(0, "Datum", 30, "3 maart 2022")
                .build();
        ExtractionResult result = extract(form, letter, bill);
        assertThat(kept(result, "car")).isEqualTo("GV-123-K");
        assertThat(feature(result, "other_car").decision().outcome()).isNotEqualTo(DecisionOutcome.KEEP);
    }

    @Test
    void prefersABusinessesChamberOfCommerceNumberToTheInsurersOnItsOwnForm() {
        PageLayer form = aPage().line(
                        0, "Noordzee Verzekeringen · Dorpsstraat 1 · KvK 12345678 · Schadeafdeling 010-1234567")
                .line(0, "Naam", 30, "Piet Jansen")
                .build();
        PageLayer bill = aPage().line(0, "Bergingsbedrijf Smit · Haven 4 · KvK 87654321 · BTW NL001234567B01")
                .line(0, "Datum", 30, "3 maart 2022")
                .build();
        assertThat(kept(extract(form, bill), "tow_company_kvk")).isEqualTo("87654321");
        assertThat(feature(extract(form), "tow_company_kvk").decision().outcome())
                .isNotEqualTo(DecisionOutcome.KEEP);
    }

    @Test
    void pairsLabelsAndValuesAlongTheRowsOfAScanThatLiesAskew() {
        // the values stand 60 characters right of their labels: on this slope, 9 units lower than a row's labels
        PageLayer scan = anOcrPage()
                .askew(0.03f)
                .textLine(0, 0, "Naam")
                .textLine(0, 1, "Datum")
                .textLine(0, 2, "Kenteken")
                .textLine(0, 4, "Ondergetekende verklaart dit formulier naar waarheid te hebben ingevuld")
                .textLine(0, 5, "en geeft de verzekeraar toestemming om de gegevens te controleren")
                .textLine(0, 6, "bij de politie, de werkgever en andere verzekeraars van de schade")
                .textLine(60, 0, "Jansen, Piet")
                .textLine(60, 1, "3 maart 2022")
                .textLine(60, 2, "GV-123-K")
                .build();
        ExtractionResult result = extract(scan);
        assertThat(feature(result, "customer").selected())
                .extracting(c -> c.valueNormalized())
                .containsExactly("Piet Jansen");
        assertThat(feature(result, "towed_on").selected())
                .extracting(c -> c.valueNormalized())
                .containsExactly("2022-03-03");
        assertThat(kept(result, "car")).isEqualTo("GV-123-K");
    }

    @Test
    void sendsAValueTheOcrEngineDoubtsToReviewHoweverWellItsLabelNamesIt() {
        PageLayer sure = anOcrPage()
                .textLine(0, 0, "Kenteken")
                .textLine(30, 0, "GV-123-K", 0.95f)
                .build();
        PageLayer doubted = anOcrPage()
                .textLine(0, 0, "Kenteken")
                .textLine(30, 0, "GV-123-K", 0.3f)
                .build();
        assertThat(kept(extract(sure), "car")).isEqualTo("GV-123-K");
        FeatureResult car = feature(extract(doubted), "car");
        assertThat(car.decision().outcome()).isEqualTo(DecisionOutcome.REVIEW);
        assertThat(car.selected()).extracting(c -> c.valueNormalized()).containsExactly("GV-123-K");
    }
}
