package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateRecogniserTest {
    private final DateRecogniser dates = new DateRecogniser();

    private List<String> normalised(String text) {
        return dates.scan(text).stream().map(Match::normalized).toList();
    }

    @Test
    void readsWrittenDatesInDutchEnglishGermanAndFrench() {
        assertThat(normalised("op 3 februari 2021")).containsExactly("2021-02-03");
        assertThat(normalised("on February 3, 2021")).containsExactly("2021-02-03");
        assertThat(normalised("am 3. März 2021")).containsExactly("2021-03-03");
        assertThat(normalised("le 3 août 2021")).containsExactly("2021-08-03");
        assertThat(normalised("on 3rd May 2021")).containsExactly("2021-05-03");
    }

    @Test
    void readsAbbreviatedMonthsWithOrWithoutADot() {
        assertThat(normalised("3 feb. 2021 en 4 mrt 2021 en 5 okt. 2021 and 6 Sept 2021"))
                .containsExactly("2021-02-03", "2021-03-04", "2021-10-05", "2021-09-06");
    }

    @Test
    void includesAWeekdayInTheQuoteAndAllowsALineBreakBeforeTheYear() {
        String text = "vertrek vrijdag 12 maart\n2021 om 10 uur";
        Match match = dates.scan(text).getFirst();
        assertThat(text.substring(match.start(), match.end())).isEqualTo("vrijdag 12 maart\n2021");
        assertThat(match.normalized()).isEqualTo("2021-03-12");
    }

    @Test
    void readsAmbiguousNumericDatesDayFirst() {
        assertThat(normalised("datum 04/05/2021")).containsExactly("2021-05-04");
        assertThat(normalised("datum 4-5-2021")).containsExactly("2021-05-04");
        assertThat(normalised("datum 04.05.2021")).containsExactly("2021-05-04");
    }

    @Test
    void readsNumericDatesMonthFirstWhenThePageIsClearlyAmerican() {
        assertThat(normalised("issued 04/25/2021, paid 04/05/2021")).containsExactly("2021-04-25", "2021-04-05");
    }

    @Test
    void readsIsoDatesAndTwoDigitYears() {
        assertThat(normalised("2021-12-01 and 01-12-21")).containsExactly("2021-12-01", "2021-12-01");
    }

    @Test
    void rejectsImpossibleDatesAndNumbersThatOnlyLookLikeDates() {
        assertThat(normalised("31-02-2021, 1.234.567, 12/34/2021, tel 06-12-34-56-78"))
                .isEmpty();
    }

    private static List<String> inDocument(String page, String... otherPages) {
        List<String> pages = new java.util.ArrayList<>(List.of(page));
        pages.addAll(List.of(otherPages));
        return new Recognisers()
                .inDocument(pages).of(com.klarefi.extraction.api.FeatureType.DATE).scan(page).stream()
                        .map(Match::normalized)
                        .toList();
    }

    @Test
    void readsAnAmbiguousDateMonthFirstWhereAnotherPageHasADateImpossibleDayFirst() {
        assertThat(inDocument("signed 05/12/2009", "exhibit dated 04/25/2009")).containsExactly("2009-05-12");
        assertThat(inDocument("signed 05/12/2009", "exhibit dated 25/04/2009")).containsExactly("2009-12-05");
    }

    @Test
    void readsAnAmbiguousDateInTheOrderOfTheDocumentsWrittenDates() {
        assertThat(inDocument("effective 5/12/2009", "made as of May 12, 2009")).containsExactly("2009-05-12");
        assertThat(inDocument("effective 5/12/2009", "made on 5 December 2009")).containsExactly("2009-12-05");
    }

    @Test
    void readsAnAmbiguousDateInTheOrderOfTheCountryOfThePlacesTheDocumentNames() {
        assertThat(inDocument("dated 5/12/2009", "governed by the laws of the State of Delaware"))
                .containsExactly("2009-05-12");
        assertThat(inDocument("gedateerd 5/12/2009", "gevestigd in Noord-Brabant, Nederland"))
                .containsExactly("2009-12-05");
    }

    @Test
    void readsAmbiguousDatesOfADocumentThatShowsNoOrderDayFirst() {
        assertThat(inDocument("dated 5/12/2009", "nothing else")).containsExactly("2009-12-05");
    }

    @Test
    void readsDottedDatesDayFirstEvenInAMonthFirstDocument() {
        assertThat(inDocument("am 05.12.2009", "made as of May 12, 2009")).containsExactly("2009-12-05");
    }

    @Test
    void readsTwoDigitYearsInTheDocumentsOrderToo() {
        assertThat(inDocument("paid 04/05/21", "issued 04/25/2021")).containsExactly("2021-04-05");
    }

    @Test
    void aCountryWritesShortDatesInTheOrderOfItsEnglishLocale() {
        assertThat(DateOrder.ofCountry("US")).isEqualTo(DateOrder.MONTH_FIRST);
        assertThat(DateOrder.ofCountry("GB")).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.ofCountry("NL")).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.ofCountry("CA")).isEqualTo(DateOrder.UNKNOWN);
    }
}
