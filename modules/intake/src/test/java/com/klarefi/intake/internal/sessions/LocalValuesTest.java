package com.klarefi.intake.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.FeatureType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalValuesTest {
    @ParameterizedTest(name = "{0} {1} reads as \"{3}\" on a page in {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DATE     | 2024-04-26         | nl | 26 april 2024
            DATE     | 2024-04-26         | en | 26 April 2024
            MONEY    | EUR 1259.25        | nl | € 1.259,25
            MONEY    | EUR 1259.25        | en | €1,259.25
            COUNTRY  | AT                 | nl | Oostenrijk
            COUNTRY  | AT                 | en | Austria
            IBAN     | NL91ABNA0417164300 | nl | NL91 ABNA 0417 1643 00
            DURATION | 18_months          | nl | 18 maanden
            DURATION | 1_years            | en | 1 year
            """)
    void aNormalisedValueReadsAsTheApplicantWritesIt(FeatureType type, String normalized, String locale, String shown) {
        assertThat(LocalValues.format(type, normalized, locale)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1} is shown as it is")
    @CsvSource(delimiter = '|', textBlock = """
            DATE        | sometime
            MONEY       | 1259
            COUNTRY     | XX
            PERSON_NAME | Jan de Vries
            """)
    void aValueNotInItsTypesNormalFormIsShownAsItIs(FeatureType type, String value) {
        assertThat(LocalValues.format(type, value, "nl")).isEqualTo(value);
    }
}
