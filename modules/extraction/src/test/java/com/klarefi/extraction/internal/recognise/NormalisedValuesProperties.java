package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.FeatureType;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A normalised value, printed again the way documents print it, is recognised as the same value:
 * recognising and normalising lose nothing that a printed form carries. jqwik generates the values
 * and forms, shrinks a failure to its simplest case and reports the seed that reproduces it.
 */
class NormalisedValuesProperties {
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH, Locale.GERMAN,
            Locale.FRENCH, Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("ms"));
    private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    private final Recognisers recognisers = new Recognisers();
    private final DateRecogniser dates = new DateRecogniser();
    private final DurationRecogniser durations = new DurationRecogniser();

    /** How a date is printed: unambiguous numeric forms and written forms. */
    enum DateForm {
        ISO("yyyy-MM-dd"), DASHED("dd-MM-yyyy"), SLASHED("dd/MM/yyyy"), DOTTED("d.M.yyyy"), SHORT_YEAR("dd-MM-yy"),
        ABBREVIATED("d MMM yyyy"), WRITTEN_DAY_FIRST("d MMMM yyyy"), WRITTEN_MONTH_FIRST("MMMM d, yyyy");

        final String pattern;

        DateForm(String pattern) {
            this.pattern = pattern;
        }
    }

    @Property
    void aDatePrintedInAnyFormAndLanguageIsReadAsItself(@ForAll("dates") LocalDate date, @ForAll DateForm form,
            @ForAll("languages") Locale language) {
        // CLDR writes abbreviations with their own dots ("févr.", "Sept."): a document prints them as the locale does
        String printed = DateTimeFormatter.ofPattern(form.pattern, language).format(date);
        assertThat(normalised(dates, "Datum: " + printed + " ")).as("'%s'", printed).contains(date.toString());
    }

    @Property
    void anAmbiguousNumericDateIsReadInTheOrderItsDocumentShows(@ForAll("dates") LocalDate date,
            @ForAll boolean monthFirst) {
        String pattern = monthFirst ? "MM/dd/yyyy" : "dd/MM/yyyy";
        String printed = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(date);
        // another date of the document, written out, tells the order
        String written = DateTimeFormatter.ofPattern(monthFirst ? "MMMM d, yyyy" : "d MMMM yyyy", Locale.ENGLISH)
                .format(date.plusDays(40));
        List<String> pages = List.of("signed on " + printed, "as of " + written);
        Recogniser inDocument = recognisers.inDocument(pages).of(FeatureType.DATE);
        assertThat(normalised(inDocument, pages.getFirst())).as("'%s' beside '%s'", printed, written)
                .containsExactly(date.toString());
    }

    /** Grouping and decimal separators as documents print them: English, European, Swiss, French. */
    record Separators(char grouping, char decimal) {
    }

    @Property
    void anAmountPrintedWithAnySeparatorsAndCurrencyIsReadAsItself(@ForAll @LongRange(max = 99_999_999) long cents,
            @ForAll("separators") Separators separators, @ForAll("currencies") String currency, @ForAll boolean currencyAfter) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(separators.grouping());
        symbols.setDecimalSeparator(separators.decimal());
        String number = new DecimalFormat("#,##0.00", symbols).format(amount);
        String printed = currencyAfter ? number + " " + currency : currency + " " + number;
        assertThat(normalised(new MoneyRecogniser(), "Total " + printed)).as("'%s'", printed)
                .containsExactly(MoneyRecogniser.currency(currency).orElseThrow() + " " + amount.toPlainString());
    }

    @Property
    void anAmountInIndianGroupingIsReadAsItself(@ForAll @LongRange(min = 100_000_00, max = 9_999_999_999L) long paise) {
        BigDecimal amount = BigDecimal.valueOf(paise, 2);
        assertThat(normalised(new MoneyRecogniser(), "Total ₹" + indian(amount))).as("'₹%s'", indian(amount))
                .containsExactly("INR " + amount.toPlainString());
    }

    @Property
    void anAmountWithoutCurrencyIsReadInTheStatedOne(@ForAll @LongRange(min = 1, max = 9_999_999) long cents,
            @ForAll("separators") Separators separators) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(separators.grouping());
        symbols.setDecimalSeparator(separators.decimal());
        String printed = new DecimalFormat("#,##0.00", symbols).format(amount);
        assertThat(normalised(new MoneyRecogniser(Optional.of("MYR")), "TOTAL " + printed)).as("'%s'", printed)
                .containsExactly("MYR " + amount.toPlainString());
    }

    /** A period's unit as printed in a language, and the unit of its wire form. */
    record PrintedUnit(String printed, String unit) {
    }

    @Property
    void aDurationInDigitsIsReadAsItsWireForm(@ForAll @IntRange(min = 2, max = 999) int amount, @ForAll("units") PrintedUnit unit) {
        String printed = amount + " " + unit.printed();
        assertThat(normalised(durations, "for a period of " + printed)).as("'%s'", printed)
                .containsExactly(amount + "_" + unit.unit() + "s");
    }

    @Property
    void aDurationInWordsWithItsDigitsIsReadAsItsWireForm(@ForAll @IntRange(min = 1, max = 12) int amount,
            @ForAll boolean withDigits, @ForAll("englishUnits") String unit) {
        String printed = NUMBER_WORDS.get(amount - 1) + (withDigits ? " (" + amount + ")" : "") + " " + unit
                + (amount == 1 ? "" : "s");
        String expected = amount + "_" + unit + (amount == 1 ? "" : "s");
        assertThat(normalised(durations, "shall remain in effect for " + printed)).as("'%s'", printed)
                .containsExactly(expected);
        assertThat(DurationRecogniser.normalise(amount, unit)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 60 * 365).map(days -> LocalDate.of(1970, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<Separators> separators() {
        return Arbitraries.of(new Separators(',', '.'), new Separators('.', ','), new Separators('\'', '.'),
                new Separators('\u00a0', ','));
    }

    @Provide
    Arbitrary<PrintedUnit> units() {
        return Arbitraries.of(new PrintedUnit("years", "year"), new PrintedUnit("months", "month"),
                new PrintedUnit("days", "day"), new PrintedUnit("jaar", "year"), new PrintedUnit("maanden", "month"),
                new PrintedUnit("Jahre", "year"), new PrintedUnit("Monate", "month"), new PrintedUnit("mois", "month"),
                new PrintedUnit("ans", "year"), new PrintedUnit("años", "year"), new PrintedUnit("meses", "month"),
                new PrintedUnit("días", "day"));
    }

    @Provide
    Arbitrary<Locale> languages() {
        return Arbitraries.of(LANGUAGES);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "€", "USD", "$", "RM", "CHF", "£", "zł", "INR", "kr");
    }

    @Provide
    Arbitrary<String> englishUnits() {
        return Arbitraries.of("year", "month", "day");
    }

    private static List<String> normalised(Recogniser recogniser, String text) {
        return recogniser.scan(text).stream().map(Match::normalized).toList();
    }

    /** 12,34,567.89: the last three digits, then pairs. */
    private static String indian(BigDecimal amount) {
        String whole = amount.toBigInteger().toString();
        StringBuilder grouped = new StringBuilder(whole.substring(Math.max(0, whole.length() - 3)));
        for (int end = whole.length() - 3; end > 0; end -= 2) {
            grouped.insert(0, whole.substring(Math.max(0, end - 2), end) + ",");
        }
        return grouped + "." + amount.toPlainString().substring(amount.toPlainString().indexOf('.') + 1);
    }
}
