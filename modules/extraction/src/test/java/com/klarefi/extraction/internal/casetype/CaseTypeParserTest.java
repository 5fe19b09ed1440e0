package com.klarefi.extraction.internal.casetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.InvalidCaseTypeException;
import com.klarefi.extraction.api.Role;
import com.klarefi.extraction.api.Zone;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class CaseTypeParserTest {
    @Test
    void readsAValidDefinitionWithDefaults() {
        CaseType caseType = CaseTypeParser.parse("""
                {"id": "rental", "name": "Rental", "locales": ["nl"],
                 "features": [{"id": "contract_no", "type": "identifier", "pattern": "R\\\\d+",
                               "labels": {"nl": ["Contractnummer"]}, "required": true},
                              {"id": "tenants", "type": "person_name", "cardinality": "many",
                               "labels": {"nl": ["Huurder"]}}]}""");
        FeatureDefinition contract = caseType.feature("contract_no").orElseThrow();
        assertThat(contract.type()).isEqualTo(FeatureType.IDENTIFIER);
        assertThat(contract.cardinality()).isEqualTo(Cardinality.ONE);
        assertThat(contract.pattern()).isPresent();
        assertThat(contract.required()).isTrue();
        assertThat(caseType.feature("tenants").orElseThrow().cardinality()).isEqualTo(Cardinality.MANY);
    }

    @Test
    void saysWhatIsWrongAndWhereForEveryProblem() {
        assertThatThrownBy(() -> CaseTypeParser.parse("""
                {"id": "Bad Id", "locales": ["nl", "en"], "colour": 1,
                 "features": [{"id": "a", "type": "dat", "labels": {"nl": ["A"]}},
                              {"id": "b", "type": "date", "cardinality": "several", "labels": {"nl": ["B"], "en": ["B"]}},
                              {"id": "c", "type": "date", "pattern": "x", "labels": {"nl": [], "en": ["C"]}},
                              {"id": "d", "type": "identifier", "pattern": "(", "labels": {"nl": ["D"], "en": ["D"]}},
                              {"id": "d", "type": "text", "labels": {"nl": ["E"], "en": ["E"]}}]}"""))
                .isInstanceOf(InvalidCaseTypeException.class)
                .satisfies(e -> assertThat(((InvalidCaseTypeException) e).problems())
                        .containsExactlyInAnyOrder(
                                "$.colour: unknown key; expected one of [id, name, names, locales, features]",
                                "$.id: \"Bad Id\" is not a valid id; use lower case letters, digits and _, starting with a letter",
                                "$.name: missing",
                                "$.features[0].type: unknown type \"dat\"; expected one of [date, time, money, iban, license_plate,"
                                        + " phone, email, person_name, organization_name, text, identifier, country, kvk, postcode, duration, place]",
                                "$.features[0].labels: no labels for locale \"en\" listed in $.locales",
                                "$.features[1].cardinality: expected \"one\" or \"many\", got \"several\"",
                                "$.features[2].labels.nl: expected a non-empty array of strings",
                                "$.features[2].pattern: only features of type \"identifier\" take a pattern",
                                "$.features[3].pattern: not a valid regular expression: Unclosed group near index 1",
                                "$.features[4].id: duplicate feature id \"d\""));
    }

    @Test
    void aNameMayBeGivenPerLanguageAndFallsBackToTheDefaultName() {
        CaseType caseType = CaseTypeParser.parse("""
                {"id": "rental", "name": "Rental damage", "names": {"nl": "Huurschade"}, "locales": ["nl"],
                 "features": [{"id": "contract_no", "type": "identifier", "labels": {"nl": ["Contractnummer"]}}]}""");

        assertThat(caseType.name("nl")).isEqualTo("Huurschade");
        assertThat(caseType.name("de")).isEqualTo("Rental damage");
    }

    @Test
    void namesMustBeTextsUnderLanguageCodes() {
        assertThatThrownBy(() -> CaseTypeParser.parse("""
                {"id": "rental", "name": "Rental", "names": {"Dutch": "Huur", "en": 3}, "locales": ["nl"],
                 "features": [{"id": "a", "type": "text", "labels": {"nl": ["A"]}}]}"""))
                .satisfies(e -> assertThat(((InvalidCaseTypeException) e).problems())
                        .containsExactlyInAnyOrder(
                                "$.names.Dutch: expected a two-letter lower-case language code as the key",
                                "$.names.en: expected a non-empty string"));
    }

    @Test
    void refusesTextThatIsNoJsonObject() {
        assertThatThrownBy(() -> CaseTypeParser.parse("[1, 2]")).hasMessageContaining("$: expected a JSON object");
        assertThatThrownBy(() -> CaseTypeParser.parse("{\"id\": ")).hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void shipsTheBuiltInCaseTypesWithTheirFeatures() {
        assertThat(CaseTypeParser.builtIn())
                .extracting(CaseType::id)
                .containsExactly("motor_claim", "travel_claim", "receipt", "nda");
        CaseType motor = CaseTypeParser.builtIn().getFirst();
        assertThat(motor.features())
                .extracting(FeatureDefinition::id)
                .containsExactly(
                        "incident_date",
                        "incident_time",
                        "incident_city",
                        "license_plate",
                        "counterparty_license_plate",
                        "policy_number",
                        "claimant_name",
                        "claimant_iban",
                        "claimant_email",
                        "claimant_phone",
                        "repair_total",
                        "invoice_number",
                        "invoice_date",
                        "repairer_kvk");
        CaseType travel = CaseTypeParser.builtIn().get(1);
        assertThat(travel.features())
                .extracting(FeatureDefinition::id)
                .containsExactly(
                        "trip_start_date",
                        "trip_end_date",
                        "incident_date",
                        "destination_country",
                        "policy_number",
                        "claimant_name",
                        "claimant_iban",
                        "claimed_amount",
                        "booking_reference",
                        "flight_number");
    }

    @Test
    void shipsTheDefinitionsTheBuiltInCaseTypesAreReadFrom() {
        assertThat(CaseTypeParser.builtInDefinitions())
                .map(CaseTypeParser::parse)
                .extracting(
                        CaseType::id,
                        CaseType::name,
                        caseType -> caseType.features().size())
                .isEqualTo(CaseTypeParser.builtIn().stream()
                        .map(caseType -> tuple(
                                caseType.id(),
                                caseType.name(),
                                caseType.features().size()))
                        .toList());
    }

    @Test
    void readsWhereAValueIsBeyondLabels() {
        CaseType receipt = CaseTypeParser.parse("""
                {"id": "till", "name": "Till", "locales": ["en"], "features": [
                  {"id": "shop", "type": "organization_name", "role": "issuer", "zone": "header",
                   "labels": {"en": ["Store"]}},
                  {"id": "total", "type": "money", "currency": "MYR", "labels": {"en": ["Total"]}}]}""");
        FeatureDefinition shop = receipt.feature("shop").orElseThrow();
        assertThat(shop.role()).contains(Role.ISSUER);
        assertThat(shop.zone()).contains(Zone.HEADER);
        assertThat(receipt.feature("total").orElseThrow().currency()).contains("MYR");
    }

    @Test
    void saysWhatIsWrongWithARoleAZoneOrACurrency() {
        assertThatThrownBy(() -> CaseTypeParser.parse("""
                {"id": "till", "name": "Till", "locales": ["en"], "features": [
                  {"id": "shop", "type": "organization_name", "role": "printer", "zone": "top",
                   "labels": {"en": ["Store"]}},
                  {"id": "total", "type": "money", "currency": "RM", "labels": {"en": ["Total"]}},
                  {"id": "when", "type": "date", "currency": "EUR", "labels": {"en": ["Date"]}}]}"""))
                .isInstanceOf(InvalidCaseTypeException.class)
                .extracting(e -> ((InvalidCaseTypeException) e).problems())
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(
                        "$.features[0].role: unknown role \"printer\"; expected one of [issuer, recipient, counterparty]",
                        "$.features[0].zone: unknown zone \"top\"; expected one of [header, body, footer]",
                        "$.features[1].currency: \"RM\" is not an ISO 4217 currency code, e.g. \"EUR\"",
                        "$.features[2].currency: only features of type \"money\" take a currency");
    }

    @Test
    void shipsReceiptAndContractExamplesThatSayWhereTheirValuesAre() {
        CaseType receipt = CaseTypeParser.builtIn().get(2);
        assertThat(receipt.feature("company").orElseThrow().role()).contains(Role.ISSUER);
        assertThat(receipt.feature("address").orElseThrow().role()).contains(Role.ISSUER);
        CaseType nda = CaseTypeParser.builtIn().get(3);
        assertThat(nda.feature("party").orElseThrow().cardinality()).isEqualTo(Cardinality.MANY);
        assertThat(nda.feature("jurisdiction").orElseThrow().type()).isEqualTo(FeatureType.PLACE);
        assertThat(nda.features())
                .allSatisfy(feature -> feature.labels()
                        .values()
                        .forEach(labels -> assertThat(labels).hasSizeLessThanOrEqualTo(4)));
    }
}
