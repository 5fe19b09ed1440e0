package com.klarefi.extraction.internal;

import static com.klarefi.extraction.internal.ExtractionResults.isKept;
import static com.klarefi.extraction.internal.ExtractionResults.kept;
import static com.klarefi.extraction.internal.Pages.aPage;
import static com.klarefi.extraction.internal.Pages.document;
import static com.klarefi.extraction.internal.Pages.plainText;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.Candidate;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.PageLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages whose keys the case type does not spell out: one label per feature and locale, as an
 * operator writes them, and layouts, abbreviations and compounds read by structure and meaning.
 */
class StructureAndLanguageTest {
    private static final CaseType CLAIM = CaseTypes.parse("""
            {"id": "claim", "name": "Claim", "locales": ["nl", "en"], "features": [
              {"id": "incident_date", "type": "date", "labels": {"nl": ["Schadedatum"], "en": ["Date of incident"]}},
              {"id": "plate", "type": "license_plate", "labels": {"nl": ["Kenteken"], "en": ["Registration number"]}},
              {"id": "other_plate", "type": "license_plate", "labels": {"nl": ["Kenteken tegenpartij"], "en": ["Registration of the other party"]}},
              {"id": "phone", "type": "phone", "labels": {"nl": ["Telefoonnummer"], "en": ["Phone number"]}},
              {"id": "policy", "type": "identifier", "labels": {"nl": ["Polisnummer"], "en": ["Policy number"]}},
              {"id": "name", "type": "person_name", "labels": {"nl": ["Naam verzekeringnemer"], "en": ["Name of policyholder"]}},
              {"id": "incident_city", "type": "text", "labels": {"nl": ["Plaats ongeval"], "en": ["Place of incident"]}}]}""");

    private final Extractor extractor = Extractor.create();

    private ExtractionResult extract(PageLayer page) {
        return extractor.extract(CLAIM, List.of(document("doc_a", page)));
    }

    @Test
    void readsAValueBelowAKeyThatSaysItInOtherWords() {
        PageLayer page = aPage().line(0, "Datum van het ongeval", 50, "Polis nr.")
                .line(0, "12-03-2024", 50, "AUT-2020-123456")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "incident_date")).isEqualTo("2024-03-12");
        assertThat(kept(result, "policy")).isEqualTo("AUT-2020-123456");
    }

    @Test
    void readsEachPartysValueFromItsColumnOfATwoPartyTable() {
        PageLayer page = aPage().line(30, "Verzekerde", 60, "Tegenpartij")
                .line(0, "Naam", 30, "Jan Jansen", 60, "Piet Pieters")
                .line(0, "Kenteken", 30, "AB-123-C", 60, "XY-45-ZZ")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "plate")).isEqualTo("AB-123-C");
        assertThat(kept(result, "other_plate")).isEqualTo("XY-45-ZZ");
        assertThat(kept(result, "name")).isEqualTo("Jan Jansen");
    }

    @Test
    void readsTheAnswerToANumberedQuestion() {
        PageLayer page = aPage().line(0, "4. Telnr. (privé)", 40, "06-12345678")
                .line(0, "5a) Uw polisnummer:", 40, "POL-778899")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "phone")).isEqualTo("+31612345678");
        assertThat(kept(result, "policy")).isEqualTo("POL-778899");
    }

    @Test
    void readsAnAbbreviatedKey() {
        PageLayer page = aPage().line(0, "Kent.", 30, "AB-123-C")
                .line(0, "Tel. nr.", 30, "020-1234567")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "plate")).isEqualTo("AB-123-C");
        assertThat(kept(result, "phone")).isEqualTo("+31201234567");
    }

    @Test
    void readsACompoundKeyAsItsParts() {
        PageLayer page = aPage().line(0, "Ongevalsdatum", 30, "12-03-2024")
                .line(0, "Kentekenplaat wederpartij", 30, "XY-45-ZZ")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "incident_date")).isEqualTo("2024-03-12");
        assertThat(kept(result, "other_plate")).isEqualTo("XY-45-ZZ");
        assertThat(isKept(result, "plate")).isFalse();
    }

    @Test
    void aNumberedSectionsHeadingSaysWhatItsKeysLeaveOpen() {
        PageLayer page = aPage().line(0, "1. Your details")
                .line(0, "Name")
                .line(0, "Mirjam Kok")
                .line(0, "3. Incident details")
                .line(0, "Time")
                .line(0, "11:05")
                .line(0, "Town/city")
                .line(0, "Arnhem")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "name")).isEqualTo("Mirjam Kok");
        assertThat(kept(result, "incident_city")).isEqualTo("Arnhem");
    }

    @Test
    void anIdentifierLabelledAsAFlightNumberIsWrittenAsOne() {
        var travel = CaseTypes.parse("""
                {"id": "travel", "name": "Travel", "locales": ["en"], "features": [
                  {"id": "flight", "type": "identifier", "labels": {"en": ["Flight number"]}}]}""");
        PageLayer page = aPage().line(0, "Flight number", 30, "KL 1537").build();
        assertThat(kept(extractor.extract(travel, List.of(document("doc_a", page))), "flight"))
                .isEqualTo("KL1537");
    }

    @Test
    void keysUnderAHeadingOfTheOtherPartyAreThatPartys() {
        PageLayer page = aPage().line(0, "Kenteken", 30, "AB-123-C")
                .line(0, "Gegevens tegenpartij")
                .line(0, "Naam", 30, "Piet Pieters")
                .line(0, "Kenteken", 30, "XY-45-ZZ")
                .build();
        ExtractionResult result = extract(page);
        assertThat(kept(result, "plate")).isEqualTo("AB-123-C");
        assertThat(kept(result, "other_plate")).isEqualTo("XY-45-ZZ");
        assertThat(isKept(result, "name")).isFalse();
    }

    @Test
    void anEmailStatesValuesInSentencesAndItsSenderIsTheClaimant() {
        PageLayer page = plainText("""
                From: Ingrid Peters <ingrid@example.org>
                To: claims@example.com
                Subject: Damage

                Hello, I had an accident on 06/06/2024 in Haarlem. My car has registration KF-05-HJ.

                Kind regards,
                Ingrid Peters
                """);
        ExtractionResult result = extract(page);
        assertThat(kept(result, "incident_date")).isEqualTo("2024-06-06");
        assertThat(kept(result, "plate")).isEqualTo("KF-05-HJ");
        assertThat(kept(result, "name")).isEqualTo("Ingrid Peters");
    }

    @Test
    void thePlaceOfAnIncidentStandsBeforeTheVerbThatNamesItOrAFewWordsAfterIt() {
        // Dutch puts the verb last: the place stands before the word that says what happened
        PageLayer email = plainText("""
                Van: Anna de Vries <anna@example.org>
                Onderwerp: Schademelding

                Op 2024-05-12 rond 17:10 ben ik in Zwolle aangereden. Mijn kenteken is KF-05-HJ.
                """);
        ExtractionResult dutch = extract(email);
        assertThat(kept(dutch, "incident_city")).isEqualTo("Zwolle");
        // and English a few words after it, past the date it also names
        PageLayer message = plainText("""
                From: Ingrid Peters <ingrid@example.org>
                Subject: Damage

                Hello, I had an accident on 06/06/2024 in Haarlem. My car has registration KF-05-HJ.
                """);
        ExtractionResult english = extract(message);
        assertThat(english.feature("incident_city").orElseThrow().selected())
                .extracting(Candidate::valueNormalized)
                .containsExactly("Haarlem");
        assertThat(kept(english, "incident_date")).isEqualTo("2024-06-06");
    }

    @Test
    void aSentenceThatOpensWithItsDateAndNamesTheIncidentLaterGivesTheIncidentDate() {
        PageLayer page = plainText("""
                From: Karin Bakker <k.bakker@example.org>
                Sent: Sunday 29 September 2024 18:25
                Subject: Claim

                Hello,

                On 3 September 2024 at around 7:45 AM I was involved in an accident in Utrecht. The other car changed lanes without looking.

                Yours faithfully,
                Karin Bakker
                """);
        var feature = extract(page).feature("incident_date").orElseThrow();
        List<String> guesses = feature.selected().stream()
                .map(candidate -> candidate.valueNormalized())
                .toList();
        // the cue names the date from the sentence's end: a candidate the ranker trusts, not a weak guess (0.40 when
        // only a value right before its cue counted)
        assertThat(feature.selected().getFirst().confidence()).isGreaterThan(0.6);
        assertThat(guesses).containsExactly("2024-09-03");
    }
}
