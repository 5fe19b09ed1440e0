package com.klarefi.extraction.internal.recognise;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Month and weekday names in Dutch, English, German, French, Spanish, Italian and Malay. The names come from java.time
 * (CLDR); a few abbreviations that people write but CLDR does not list are added by hand
 * ({@code sept}, {@code mrz}, {@code maa}), because printed documents use them.
 */
final class CalendarWords {
    private static final List<Locale> LOCALES = List.of(
            Locale.forLanguageTag("nl"),
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.forLanguageTag("es"),
            Locale.ITALIAN,
            Locale.forLanguageTag("ms"));
    private static final Map<String, Integer> EXTRA_MONTHS =
            Map.of("sept", 9, "mrz", 3, "maa", 3, "okt", 10, "dez", 12, "mär", 3, "juil", 7, "fevr", 2);

    private final Map<String, Integer> months = new HashMap<>();
    private final Set<String> weekdays = new HashSet<>();

    CalendarWords() {
        for (Locale locale : LOCALES) {
            for (Month month : Month.values()) {
                for (TextStyle style : List.of(
                        TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE, TextStyle.SHORT_STANDALONE)) {
                    months.putIfAbsent(key(month.getDisplayName(style, locale)), month.getValue());
                }
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                weekdays.add(key(day.getDisplayName(TextStyle.FULL, locale)));
                weekdays.add(key(day.getDisplayName(TextStyle.SHORT, locale)));
            }
        }
        EXTRA_MONTHS.forEach(months::putIfAbsent);
    }

    static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }

    /** The month number of a name or abbreviation, or 0. */
    int month(String word) {
        return months.getOrDefault(key(word), 0);
    }

    /** A regex alternation of all month names, longest first, dots optional. */
    String monthAlternation() {
        return alternation(months.keySet());
    }

    String weekdayAlternation() {
        return alternation(weekdays);
    }

    private static String alternation(Set<String> words) {
        return words.stream()
                .filter(word -> word.length() >= 2)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }
}
