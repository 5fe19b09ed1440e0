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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A normalised value, printed again the way documents print it, is recognised as the same value:
 * recognising and normalising lose nothing that a printed form carries. Each property is checked on
 * many generated values from a fixed seed, so a failure reproduces; the failing input is in the message.
 */
class NormalisedValuesProperties {
    private static final int TRIES = 500;
    private static final List<String> DATE_FORMS = List.of("yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d.M.yyyy",
            "dd-MM-yy", "d MMM yyyy", "MMMM d, yyyy", "written");
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH, Locale.GERMAN,
            Locale.FRENCH, Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("ms"));
    private static final List<String> CURRENCIES = List.of("EUR", "€", "USD", "RM", "CHF", "£", "zł", "INR");
    private static final List<String> SEPARATORS = List.of(",.", ".,", "'.", "\u00a0,");
    private static final List<String> UNITS = List.of("year", "month", "day");
    private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    private final DateRecogniser dates = new DateRecogniser();
    private final MoneyRecogniser money = new MoneyRecogniser();
    private final DurationRecogniser durations = new DurationRecogniser();
    private final SplittableRandom random = new SplittableRandom(20261206);

    @Test
    void aDatePrintedInAnyFormIsReadAsItself() {
        for (int i = 0; i < TRIES; i++) {
            LocalDate date = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(60 * 365));
            String form = pick(DATE_FORMS);
            Locale language = pick(LANGUAGES);
            String printed = form.equals("written")
                    ? date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, language) + " "
                            + date.getYear()
                    : DateTimeFormatter.ofPattern(form, Locale.ROOT).format(date);
            List<String> read = dates.scan("Datum: " + printed + " ").stream().map(Match::normalized).toList();
            assertThat(read).as("%s printed as '%s'", date, printed).contains(date.toString());
        }
    }

    @Test
    void anAmountPrintedWithAnySeparatorsIsReadAsItself() {
        for (int i = 0; i < TRIES; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
            String currency = pick(CURRENCIES);
            String separators = pick(SEPARATORS);
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            symbols.setGroupingSeparator(separators.charAt(0));
            symbols.setDecimalSeparator(separators.charAt(1));
            String printed = new DecimalFormat("#,##0.00", symbols).format(amount);
            List<String> read = money.scan("Total " + currency + " " + printed).stream().map(Match::normalized).toList();
            assertThat(read).as("'%s %s'", currency, printed)
                    .containsExactly(MoneyRecogniser.currency(currency).orElseThrow() + " " + amount.toPlainString());
        }
    }

    @Test
    void aDurationPrintedInWordsOrDigitsIsReadAsItself() {
        for (int i = 0; i < TRIES; i++) {
            int amount = 1 + random.nextInt(12);
            String unit = pick(UNITS);
            boolean inWords = random.nextBoolean();
            String printed = (inWords ? NUMBER_WORDS.get(amount - 1) + " (" + amount + ")" : String.valueOf(amount))
                    + " " + unit + (amount == 1 ? "" : "s");
            String expected = DurationRecogniser.normalise(amount, unit);
            assertThat(durations.scan("for a period of " + printed).stream().map(Match::normalized))
                    .as("'%s'", printed).containsExactly(expected);
            assertThat(expected).matches(amount + "_" + unit + (amount == 1 ? "" : "s"));
        }
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
