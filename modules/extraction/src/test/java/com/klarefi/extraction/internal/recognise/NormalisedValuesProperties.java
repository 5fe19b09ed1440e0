package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A normalised value, printed again the way documents print it, is recognised as the same value:
 * recognising and normalising lose nothing that a printed form carries.
 */
class NormalisedValuesProperties {
    private final DateRecogniser dates = new DateRecogniser();
    private final MoneyRecogniser money = new MoneyRecogniser();
    private final DurationRecogniser durations = new DurationRecogniser();

    @Property
    void aDatePrintedInAnyFormIsReadAsItself(@ForAll("dates") LocalDate date, @ForAll("dateForms") String form,
            @ForAll("languages") Locale language) {
        String printed = form.equals("written")
                ? date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, language) + " " + date.getYear()
                : DateTimeFormatter.ofPattern(form, Locale.ROOT).format(date);
        List<String> read = dates.scan("Datum: " + printed + " ").stream().map(Match::normalized).toList();
        assertThat(read).contains(date.toString());
    }

    @Property
    void anAmountPrintedWithAnySeparatorsIsReadAsItself(@ForAll @IntRange(min = 0, max = 99_999_999) int cents,
            @ForAll("currencies") String currency, @ForAll("separators") String separators) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(separators.charAt(0));
        symbols.setDecimalSeparator(separators.charAt(1));
        String printed = new DecimalFormat("#,##0.00", symbols).format(amount);
        List<String> read = money.scan("Total " + currency + " " + printed).stream().map(Match::normalized).toList();
        assertThat(read).containsExactly(MoneyRecogniser.currency(currency).orElseThrow() + " " + amount.toPlainString());
    }

    @Property
    void aDurationPrintedInWordsOrDigitsIsReadAsItself(@ForAll @IntRange(min = 1, max = 12) int amount,
            @ForAll("units") String unit, @ForAll boolean inWords) {
        String words = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve").get(amount - 1);
        String printed = (inWords ? words + " (" + amount + ")" : String.valueOf(amount)) + " " + unit
                + (amount == 1 ? "" : "s");
        String expected = DurationRecogniser.normalise(amount, unit);
        assertThat(durations.scan("for a period of " + printed).stream().map(Match::normalized)).containsExactly(expected);
        assertThat(expected).matches(amount + "_" + unit + (amount == 1 ? "" : "s"));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 60 * 365).map(days -> LocalDate.of(1990, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<String> dateForms() {
        return Arbitraries.of("yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d.M.yyyy", "dd-MM-yy", "d MMM yyyy",
                "MMMM d, yyyy", "written");
    }

    @Provide
    Arbitrary<Locale> languages() {
        return Arbitraries.of(Locale.forLanguageTag("nl"), Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
                Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("ms"));
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "€", "USD", "RM", "CHF", "£", "zł", "INR");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(",.", ".,", "'.", "\u00a0,");
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("year", "month", "day");
    }
}
