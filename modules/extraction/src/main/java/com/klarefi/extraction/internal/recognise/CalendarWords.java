package com.klarefi.extraction.internal.recognise;

import com.klarefi.extraction.internal.language.WordAlternation;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** A regex alternation of all month names, the longest that fits first, dots optional. */
    String monthAlternation() {
        return WordAlternation.literal(atLeastTwoLetters(months.keySet()));
    }

    String weekdayAlternation() {
        return WordAlternation.literal(atLeastTwoLetters(weekdays));
    }

    private static List<String> atLeastTwoLetters(Set<String> words) {
        return words.stream().filter(word -> word.length() >= 2).toList();
    }

    /** Every month and weekday name the alternations are made of. */
    Set<String> names() {
        Set<String> names = new HashSet<>(atLeastTwoLetters(months.keySet()));
        names.addAll(atLeastTwoLetters(weekdays));
        return names;
    }
}
