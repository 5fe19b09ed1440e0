package com.klarefi.extraction.internal.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import org.junit.jupiter.api.Test;

/** Keys matched to features by meaning, with a case type of one or two labels per feature as an operator writes it. */
class FeatureMatcherTest {
    private static final CaseType CLAIM = CaseTypes.parse("""
            {"id": "claim", "name": "Claim", "locales": ["nl", "en"], "features": [
              {"id": "incident_date", "type": "date", "labels": {"nl": ["Schadedatum"], "en": ["Date of incident"]}},
              {"id": "invoice_date", "type": "date", "labels": {"nl": ["Factuurdatum"], "en": ["Invoice date"]}},
              {"id": "plate", "type": "license_plate", "labels": {"nl": ["Kenteken"], "en": ["Registration number"]}},
              {"id": "other_plate", "type": "license_plate", "labels": {"nl": ["Kenteken tegenpartij"], "en": ["Registration of the other party"]}},
              {"id": "phone", "type": "phone", "labels": {"nl": ["Telefoonnummer"], "en": ["Phone number"]}},
              {"id": "name", "type": "person_name", "labels": {"nl": ["Naam verzekeringnemer"], "en": ["Name of policyholder"]}},
              {"id": "policy", "type": "identifier", "labels": {"nl": ["Polisnummer"], "en": ["Policy number"]}}]}""");

    private final FeatureMatcher matcher = new FeatureMatcher(CLAIM, Lexicon.standard());

    private double similarity(String key, String feature) {
        return matcher.key(key).features().getOrDefault(feature, 0.0);
    }

    @Test
    void anAbbreviatedAndQualifiedKeyNamesThePhone() {
        assertThat(similarity("Telnr. (privé)", "phone")).isGreaterThan(0.8);
        assertThat(similarity("Tel.", "phone")).isGreaterThan(0.9);
    }

    @Test
    void anAbbreviationNamesThePlateOfEveryPartyAsTheKindOfValueAlone() {
        assertThat(similarity("Kent.", "plate")).isGreaterThan(0.9);
        assertThat(similarity("Kent.", "other_plate")).isGreaterThan(0.9);
        assertThat(similarity("Kent. (verzekerde)", "other_plate")).isLessThan(FeatureMatcher.THRESHOLD);
    }

    @Test
    void aCompoundWordIsReadAsItsParts() {
        assertThat(similarity("Ongevalsdatum", "incident_date")).isGreaterThan(0.9);
        assertThat(similarity("Datum van het ongeval", "incident_date")).isGreaterThan(0.9);
        assertThat(similarity("Ongevalsdatum", "invoice_date")).isLessThan(FeatureMatcher.THRESHOLD);
    }

    @Test
    void wordsPrintedWithoutSpacesAreReadByTheirCapitals() {
        // "Reported" is no word of the lexicon, so the run is not a compound of its words
        assertThat(similarity("IncidentDateReported", "incident_date")).isGreaterThan(FeatureMatcher.THRESHOLD);
        assertThat(similarity("RegistrationNumberCar", "plate")).isGreaterThan(0.9);
    }

    @Test
    void aSynonymOfTheLexiconNamesTheOtherParty() {
        assertThat(similarity("Kenteken wederpartij", "other_plate")).isGreaterThan(0.9);
        assertThat(similarity("Kenteken wederpartij", "plate")).isLessThan(FeatureMatcher.THRESHOLD);
        assertThat(similarity("Kennzeichen Unfallgegner", "other_plate")).isGreaterThan(0.9);
    }

    @Test
    void aKeyAboutAnotherPartyDoesNotNameTheInsuredsFeature() {
        assertThat(similarity("Naam tegenpartij", "name")).isLessThan(FeatureMatcher.THRESHOLD);
        assertThat(similarity("Naam", "name")).isGreaterThan(0.8);
    }

    @Test
    void aBirthDateIsContextNotAFeature() {
        FeatureMatcher.KeyMatch birth = matcher.key("Geboortedatum");
        assertThat(birth.context())
                .isGreaterThan(birth.features().values().stream()
                        .mapToDouble(d -> d)
                        .max()
                        .orElse(0));
    }

    @Test
    void aNumberedQuestionsWordsNameTheFeature() {
        assertThat(similarity("Polis nr.", "policy")).isGreaterThan(0.9);
        assertThat(similarity("Uw polisnummer", "policy")).isGreaterThan(0.8);
    }

    @Test
    void aClosingNamesTheSender() {
        assertThat(similarity("Met vriendelijke groet", "name")).isGreaterThan(0.8);
        assertThat(similarity("Kind regards", "phone")).isGreaterThan(0.8);
    }

    @Test
    void aPhraseThatFunctionWordsReduceToAnotherConceptsWordDoesNotOwnIt() {
        // "ten name van" (an account holder) without its function words is "name"
        assertThat(matcher.key("Name").context()).isZero();
        assertThat(similarity("Name", "name")).isGreaterThan(0.8);
    }

    @Test
    void wordsAsWrittenTellApartWordsOfOneStem() {
        FeatureMatcher travel = new FeatureMatcher(CaseTypes.parse("""
                        {"id": "travel", "name": "Travel", "locales": ["en"], "features": [
                          {"id": "name", "type": "person_name", "labels": {"en": ["Name of insured"]}}]}"""), Lexicon.standard());
        // "insured" and "insurer" share the English stem "insur"
        assertThat(travel.mainParty("name")).isTrue();
        assertThat(travel.key("Name").features()).containsKey("name");
        assertThat(travel.key("Name of insurer").features()).doesNotContainKey("name");
    }

    @Test
    void aCompoundEndingInAnAbbreviationIsReadAsItsWordAndTheAbbreviation() {
        FeatureMatcher travel = new FeatureMatcher(CaseTypes.parse("""
                        {"id": "travel", "name": "Travel", "locales": ["nl"], "features": [
                          {"id": "flight", "type": "identifier", "labels": {"nl": ["Vluchtnummer"]}}]}"""), Lexicon.standard());
        assertThat(travel.key("Vluchtnr.").features()).containsKey("flight");
        assertThat(travel.format("flight")).isPresent();
    }
}
