package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.Cardinality;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecognisersTest {
    private final Recognisers recognisers = new Recognisers();

    private List<String> normalised(FeatureType type, String text) {
        return recognisers.forFeature(feature(type, Optional.empty())).scan(text).stream()
                .map(Match::normalized)
                .toList();
    }

    private static FeatureDefinition feature(FeatureType type, Optional<Pattern> pattern) {
        return new FeatureDefinition("some_feature", type, Cardinality.ONE, Map.of("en", List.of("x")), pattern, false);
    }

    @Test
    void readsChamberOfCommerceNumbersPrintedPlainWithDotsOrSpaced() {
        assertThat(normalised(FeatureType.KVK, "KvK 12345678 / 12.345.678 / 1234 5678"))
                .containsExactly("12345678", "12345678", "12345678");
        assertThat(normalised(FeatureType.KVK, "1234567 of 123456789")).isEmpty();
    }

    @Test
    void readsDutchPostcodesWithOrWithoutTheSpace() {
        assertThat(normalised(FeatureType.POSTCODE, "1234AB Dorp, 5678 CD Stad, 0123 AB, 1234 SS"))
                .containsExactly("1234 AB", "5678 CD");
    }

    @Test
    void readsDurationsInYearsMonthsWeeksAndDays() {
        assertThat(normalised(FeatureType.DURATION, "3 jaar, 18 maanden, 90 dagen, 2 weeks, 1 year"))
                .containsExactly("3_years", "18_months", "90_days", "14_days", "1_year");
    }

    @Test
    void readsAnIdentifierAfterALabelSkippingFillerWords() {
        Recogniser identifiers = recognisers.forFeature(feature(FeatureType.IDENTIFIER, Optional.empty()));
        String text = "Mijn nummer is AB-2020-123456. Verder";
        Match match =
                identifiers.readAt(text, "Mijn nummer".length(), text.length()).orElseThrow();
        assertThat(match.normalized()).isEqualTo("AB-2020-123456");
        assertThat(identifiers.readAt("nr. PS 1234-5678", 3, 16).orElseThrow().normalized())
                .isEqualTo("PS 1234-5678");
        assertThat(identifiers.readAt("Naam: Jansen", 5, 12)).isEmpty();
    }

    @Test
    void takesNoDateForAnIdentifierWithoutAPattern() {
        Recogniser identifiers = recognisers.forFeature(feature(FeatureType.IDENTIFIER, Optional.empty()));
        assertThat(identifiers.readAt("Polisnr. 22-12-2021", 8, 19)).isEmpty();
        assertThat(identifiers.readAt("Policy 5 January", 6, 16)).isEmpty();
        assertThat(identifiers.readAt("Polis 2024-03-01", 5, 16)).isEmpty();
        assertThat(identifiers.readAt("Factuur 2024/2728", 7, 17).orElseThrow().normalized())
                .isEqualTo("2024/2728");
        assertThat(identifiers.readAt("Nr. 12-345-678", 3, 14).orElseThrow().normalized())
                .isEqualTo("12-345-678");
    }

    @Test
    void findsIdentifiersByTheirPatternAndStoresThemCompact() {
        Recogniser flights = recognisers.forFeature(
                feature(FeatureType.IDENTIFIER, Optional.of(Pattern.compile("[A-Z][A-Z0-9]\\s?\\d{1,4}"))));
        assertThat(flights.scan("vlucht KL 1234 en AB12").stream().map(Match::normalized))
                .containsExactly("KL1234", "AB12");
    }

    @Test
    void readsNamesInEitherOrderAndStopsAtWhatIsNoName() {
        Recogniser names = recognisers.forFeature(feature(FeatureType.PERSON_NAME, Optional.empty()));
        assertThat(names.readAt("Naam Dijk, Jan van", 4, 18).orElseThrow().normalized())
                .isEqualTo("Jan van Dijk");
        assertThat(names.readAt("From: Anna de Wit <anna@example.org>", 5, 36)
                        .orElseThrow()
                        .normalized())
                .isEqualTo("Anna de Wit");
        assertThat(names.readAt("Naam 12 maart", 4, 13)).isEmpty();
    }

    @Test
    void readsAPlaceUpToTheFirstWordWithDigits() {
        Recogniser places = recognisers.forFeature(feature(FeatureType.TEXT, Optional.empty()));
        assertThat(places.readAt("Plaats Bergen op Zoom 12 mei", 6, 28)
                        .orElseThrow()
                        .normalized())
                .isEqualTo("Bergen op Zoom");
    }
}
