package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Periods: "24 months", "2 jaar", "three (3) years", "twenty-four months", "a period of one year".
 * Contracts write the number in words and repeat it in digits; the digits win when both are there.
 * Normalised as {@code 3_years}, {@code 18_months}, {@code 90_days} (weeks as days): the wire form
 * of {@code duration}.
 */
final class DurationRecogniser implements Recogniser {
    private static final Map<String, Integer> NUMBERS = numbers();
    private static final String UNIT = "(jaren|jaar|years?|jahre?n?|ans?|années?|años?|anni|anno|tahun"
            + "|maanden|maand|months?|monate?n?|mois|meses|mes|mesi|mese|bulan"
            + "|weken|week|weeks|wochen?|semaines?|semanas?|settimane?|minggu"
            + "|dagen|dag|days?|tage?n?|jours?|días?|giorni|giorno|hari)";
    private static final Pattern DURATION = Pattern.compile("(?iuU)(?<![\\p{L}\\d.,])(?:(" + words()
            + ")\\s*(?:\\(\\s*(\\d{1,3})\\s*\\))?|(\\d{1,3}))\\s*(?:-\\s*)?(?:calendar\\s+|full\\s+)?" + UNIT
            + "(?!\\p{L})");

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = DURATION.matcher(text);
        while (matcher.find()) {
            Integer amount = matcher.group(2) != null
                    ? Integer.valueOf(matcher.group(2))
                    : matcher.group(3) != null ? Integer.valueOf(matcher.group(3)) : NUMBERS.get(key(matcher.group(1)));
            if (amount != null && amount > 0) {
                matches.add(new Match(matcher.start(), matcher.end(), normalise(amount, matcher.group(4)), 1.0));
            }
        }
        return matches;
    }

    static String normalise(int amount, String printedUnit) {
        String unit = printedUnit.toLowerCase(Locale.ROOT);
        if (unit.startsWith("j") && !unit.startsWith("jour")
                || unit.startsWith("y")
                || unit.startsWith("an")
                || unit.startsWith("añ")
                || unit.startsWith("tahun")) {
            return amount + (amount == 1 ? "_year" : "_years");
        }
        if (unit.startsWith("m") && !unit.startsWith("minggu")) {
            return amount + (amount == 1 ? "_month" : "_months");
        }
        int days = unit.startsWith("w") || unit.startsWith("se") || unit.startsWith("minggu") ? amount * 7 : amount;
        return days + (days == 1 ? "_day" : "_days");
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", " ");
    }

    private static String words() {
        return NUMBERS.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(word -> Pattern.quote(word).replace(" ", "\\E[\\s-]+\\Q"))
                .collect(Collectors.joining("|"));
    }

    /** Number words people write for periods, in English, Dutch, German, French and Spanish. */
    private static Map<String, Integer> numbers() {
        Map<String, Integer> numbers = new HashMap<>();
        String[][] languages = {
            {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"},
            {"een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"},
            {"ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"},
            {"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"},
            {"uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"}
        };
        for (String[] language : languages) {
            for (int i = 0; i < language.length; i++) {
                numbers.putIfAbsent(language[i], i + 1);
            }
        }
        Map.of(
                        "a",
                        1,
                        "an",
                        1,
                        "eighteen",
                        18,
                        "fifteen",
                        15,
                        "twenty",
                        20,
                        "twenty four",
                        24,
                        "thirty",
                        30,
                        "thirty six",
                        36,
                        "sixty",
                        60,
                        "ninety",
                        90)
                .forEach(numbers::putIfAbsent);
        Map.of("one hundred eighty", 180, "forty eight", 48, "eine", 1, "une", 1, "una", 1, "één", 1)
                .forEach(numbers::putIfAbsent);
        return Map.copyOf(numbers);
    }
}
