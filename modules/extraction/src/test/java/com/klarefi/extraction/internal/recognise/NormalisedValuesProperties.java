package com.klarefi.extraction.internal.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.FeatureType;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A normalised value, printed again the way documents print it, is recognised as the same value:
 * recognising and normalising lose nothing that a printed form carries. Each property runs over
 * {@value #TRIES} generated cases drawn from a fixed seed, so a run is reproducible and a failing
 * case is named in the test's display name.
 */
class NormalisedValuesProperties {
    private static final int TRIES = 200;
    private static final long SEED = 20261207L;
    private static final List<Locale> LANGUAGES = List.of(
            Locale.forLanguageTag("nl"),
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.forLanguageTag("es"),
            Locale.ITALIAN,
            Locale.forLanguageTag("ms"));
    private static final List<String> NUMBER_WORDS =
            List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    private static final Recognisers recognisers = new Recognisers();
    private static final DateRecogniser dates = new DateRecogniser();
    private static final DurationRecogniser durations = new DurationRecogniser();

    /** How a date is printed: unambiguous numeric forms and written forms. */
    enum DateForm {
        ISO("yyyy-MM-dd"),
        DASHED("dd-MM-yyyy"),
        SLASHED("dd/MM/yyyy"),
        DOTTED("d.M.yyyy"),
        SHORT_YEAR("dd-MM-yy"),
        ABBREVIATED("d MMM yyyy"),
        WRITTEN_DAY_FIRST("d MMMM yyyy"),
        WRITTEN_MONTH_FIRST("MMMM d, yyyy");

        final String pattern;

        DateForm(String pattern) {
            this.pattern = pattern;
        }
    }

    @ParameterizedTest(name = "{0} as {1} in {2}")
    @MethodSource("datesInFormsAndLanguages")
    void aDatePrintedInAnyFormAndLanguageIsReadAsItself(LocalDate date, DateForm form, Locale language) {
        // CLDR writes abbreviations with their own dots ("févr.", "Sept."): a document prints them as the locale does
        String printed = DateTimeFormatter.ofPattern(form.pattern, language).format(date);
        assertThat(normalised(dates, "Datum: " + printed + " "))
                .as("'%s'", printed)
                .contains(date.toString());
    }

    @ParameterizedTest(name = "{0}, month first {1}")
    @MethodSource("datesInOrders")
    void anAmbiguousNumericDateIsReadInTheOrderItsDocumentShows(LocalDate date, boolean monthFirst) {
        String pattern = monthFirst ? "MM/dd/yyyy" : "dd/MM/yyyy";
        String printed = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(date);
        // another date of the document, written out, tells the order
        String written = DateTimeFormatter.ofPattern(monthFirst ? "MMMM d, yyyy" : "d MMMM yyyy", Locale.ENGLISH)
                .format(date.plusDays(40));
        List<String> pages = List.of("signed on " + printed, "as of " + written);
        Recogniser inDocument = recognisers.inDocument(pages).of(FeatureType.DATE);
        assertThat(normalised(inDocument, pages.getFirst()))
                .as("'%s' beside '%s'", printed, written)
                .containsExactly(date.toString());
    }

    /** Grouping and decimal separators as documents print them: English, European, Swiss, French. */
    record Separators(char grouping, char decimal) {}

    @ParameterizedTest(name = "{0} cents, {1}, {2}, currency after {3}")
    @MethodSource("amountsWithCurrencies")
    void anAmountPrintedWithAnySeparatorsAndCurrencyIsReadAsItself(
            long cents, Separators separators, String currency, boolean currencyAfter) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String number = printed(amount, separators);
        String printed = currencyAfter ? number + " " + currency : currency + " " + number;
        assertThat(normalised(new MoneyRecogniser(), "Total " + printed))
                .as("'%s'", printed)
                .containsExactly(MoneyRecogniser.currency(currency).orElseThrow() + " " + amount.toPlainString());
    }

    @ParameterizedTest(name = "{0} paise")
    @MethodSource("indianAmounts")
    void anAmountInIndianGroupingIsReadAsItself(long paise) {
        BigDecimal amount = BigDecimal.valueOf(paise, 2);
        assertThat(normalised(new MoneyRecogniser(), "Total ₹" + indian(amount)))
                .as("'₹%s'", indian(amount))
                .containsExactly("INR " + amount.toPlainString());
    }

    @ParameterizedTest(name = "{0} cents, {1}")
    @MethodSource("amountsWithoutCurrency")
    void anAmountWithoutCurrencyIsReadInTheStatedOne(long cents, Separators separators) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String printed = printed(amount, separators);
        assertThat(normalised(new MoneyRecogniser(Optional.of("MYR")), "TOTAL " + printed))
                .as("'%s'", printed)
                .containsExactly("MYR " + amount.toPlainString());
    }

    /** A period's unit as printed in a language, and the unit of its wire form. */
    record PrintedUnit(String printed, String unit) {}

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("durationsInDigits")
    void aDurationInDigitsIsReadAsItsWireForm(int amount, PrintedUnit unit) {
        String printed = amount + " " + unit.printed();
        assertThat(normalised(durations, "for a period of " + printed))
                .as("'%s'", printed)
                .containsExactly(amount + "_" + unit.unit() + "s");
    }

    @ParameterizedTest(name = "{0} {2}, with digits {1}")
    @MethodSource("durationsInWords")
    void aDurationInWordsWithItsDigitsIsReadAsItsWireForm(int amount, boolean withDigits, String unit) {
        String printed = NUMBER_WORDS.get(amount - 1) + (withDigits ? " (" + amount + ")" : "") + " " + unit
                + (amount == 1 ? "" : "s");
        String expected = amount + "_" + unit + (amount == 1 ? "" : "s");
        assertThat(normalised(durations, "shall remain in effect for " + printed))
                .as("'%s'", printed)
                .containsExactly(expected);
        assertThat(DurationRecogniser.normalise(amount, unit)).isEqualTo(expected);
    }

    private static final List<Separators> SEPARATORS = List.of(
            new Separators(',', '.'),
            new Separators('.', ','),
            new Separators('\'', '.'),
            new Separators('\u00a0', ','));
    private static final List<PrintedUnit> UNITS = List.of(
            new PrintedUnit("years", "year"),
            new PrintedUnit("months", "month"),
            new PrintedUnit("days", "day"),
            new PrintedUnit("jaar", "year"),
            new PrintedUnit("maanden", "month"),
            new PrintedUnit("Jahre", "year"),
            new PrintedUnit("Monate", "month"),
            new PrintedUnit("mois", "month"),
            new PrintedUnit("ans", "year"),
            new PrintedUnit("años", "year"),
            new PrintedUnit("meses", "month"),
            new PrintedUnit("días", "day"));
    private static final List<String> CURRENCIES = List.of("EUR", "€", "USD", "$", "RM", "CHF", "£", "zł", "INR", "kr");
    private static final List<String> ENGLISH_UNITS = List.of("year", "month", "day");

    static Stream<Arguments> datesInFormsAndLanguages() {
        return generated(random ->
                Arguments.of(date(random), pick(random, List.of(DateForm.values())), pick(random, LANGUAGES)));
    }

    static Stream<Arguments> datesInOrders() {
        return generated(random -> Arguments.of(date(random), random.nextBoolean()));
    }

    static Stream<Arguments> amountsWithCurrencies() {
        return generated(random -> Arguments.of(
                random.nextLong(0, 100_000_000),
                pick(random, SEPARATORS),
                pick(random, CURRENCIES),
                random.nextBoolean()));
    }

    static Stream<Arguments> indianAmounts() {
        return generated(random -> Arguments.of(random.nextLong(100_000_00, 10_000_000_000L)));
    }

    static Stream<Arguments> amountsWithoutCurrency() {
        return generated(random -> Arguments.of(random.nextLong(1, 10_000_000), pick(random, SEPARATORS)));
    }

    static Stream<Arguments> durationsInDigits() {
        return generated(random -> Arguments.of(random.nextInt(2, 1000), pick(random, UNITS)));
    }

    static Stream<Arguments> durationsInWords() {
        return generated(
                random -> Arguments.of(random.nextInt(1, 13), random.nextBoolean(), pick(random, ENGLISH_UNITS)));
    }

    /** {@value #TRIES} cases from one fixed seed, always including the generator's first draws. */
    private static Stream<Arguments> generated(Function<SplittableRandom, Arguments> generator) {
        SplittableRandom random = new SplittableRandom(SEED);
        return Stream.generate(() -> generator.apply(random)).limit(TRIES);
    }

    private static LocalDate date(SplittableRandom random) {
        return LocalDate.of(1970, 1, 1).plusDays(random.nextInt(0, 60 * 365 + 1));
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String printed(BigDecimal amount, Separators separators) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(separators.grouping());
        symbols.setDecimalSeparator(separators.decimal());
        return new DecimalFormat("#,##0.00", symbols).format(amount);
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
        return grouped + "."
                + amount.toPlainString().substring(amount.toPlainString().indexOf('.') + 1);
    }
}
