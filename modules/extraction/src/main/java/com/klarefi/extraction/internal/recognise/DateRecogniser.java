package com.klarefi.extraction.internal.recognise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in ISO, numeric and written forms. java.time's formatters parse one fixed pattern at a
 * time and cannot find dates inside running text, so finding is hand-written (regular expressions
 * over CLDR month names) and java.time validates the result. Numeric dates are day first, as in
 * Europe, unless the value itself is impossible day first (05/13/2017) or the page shows US order
 * (a second number above 12 and no first one). A case type's locales are languages, not regions
 * ("en" is both the US and Britain), so they cannot decide the order; the page can. Two-digit
 * years are read in 1951-2050 and are less sure. Contracts write "the 18th day of April, 2001";
 * receipts "16-Mar-2018" and "16 MAR 18".
 */
final class DateRecogniser implements Recogniser {
    private static final Pattern ISO = Pattern.compile("(?<![\\d./-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d./-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[./-]\\d)");

    private final CalendarWords words = new CalendarWords();
    private final Pattern dayFirst;
    private final Pattern monthFirst;
    private final Pattern dayOf;
    private final Pattern compact;

    DateRecogniser() {
        String weekday = "(?:(?:" + words.weekdayAlternation() + ")\\.?,?\\s+)?";
        String month = "(" + words.monthAlternation() + ")\\.?";
        dayFirst = Pattern.compile("(?iuU)(?<![\\p{L}\\d])" + weekday
                + "(\\d{1,2})(?:st|nd|rd|th|er|e)?\\.?\\s+" + month + ",?\\s+(\\d{4})(?!\\d)");
        monthFirst = Pattern.compile("(?iuU)(?<![\\p{L}\\d])" + weekday
                + month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
        dayOf = Pattern.compile("(?iuU)(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+)?of\\s+" + month
                + ",?\\s+(?:in\\s+the\\s+year\\s+)?(\\d{4})(?!\\d)");
        compact = Pattern.compile("(?iuU)(?<![\\p{L}\\d])(\\d{1,2})([-/ ])" + month + "\\2(\\d{4}|\\d{2})(?!\\d)");
    }

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            add(matches, iso, num(iso, 1), num(iso, 2), num(iso, 3), 1.0);
        }
        boolean us = looksUs(text);
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            int first = num(numeric, 1);
            int second = num(numeric, 3);
            int year = fullYear(numeric.group(4));
            boolean ambiguous = first <= 12 && second <= 12 && first != second;
            double strength = numeric.group(4).length() == 2 ? 0.7 : ambiguous ? 0.9 : 1.0;
            if (us || second > 12 && first <= 12) {
                add(matches, numeric, year, first, second, strength);
            } else {
                add(matches, numeric, year, second, first, strength);
            }
        }
        Matcher written = dayFirst.matcher(text);
        while (written.find()) {
            add(matches, written, num(written, 3), words.month(written.group(2)), num(written, 1), 1.0);
        }
        Matcher contract = dayOf.matcher(text);
        while (contract.find()) {
            add(matches, contract, num(contract, 3), words.month(contract.group(2)), num(contract, 1), 1.0);
        }
        Matcher receipt = compact.matcher(text);
        while (receipt.find()) {
            String year = receipt.group(4);
            if (matches.stream().noneMatch(m -> m.start() == receipt.start())) {
                add(matches, receipt, fullYear(year), words.month(receipt.group(3)), num(receipt, 1),
                        year.length() == 2 ? 0.8 : 1.0);
            }
        }
        Matcher american = monthFirst.matcher(text);
        while (american.find()) {
            add(matches, american, num(american, 3), words.month(american.group(1)), num(american, 2), 1.0);
        }
        matches.sort(Comparator.comparingInt(Match::start));
        return matches;
    }

    /** A page is US when some numeric date only makes sense month first and none day first. */
    private static boolean looksUs(String text) {
        boolean monthFirstSeen = false;
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (!numeric.group(2).equals("/")) {
                return false;
            }
            int first = num(numeric, 1);
            int second = num(numeric, 3);
            if (first > 12) {
                return false;
            }
            monthFirstSeen |= second > 12;
        }
        return monthFirstSeen;
    }

    private static void add(List<Match> matches, Matcher matcher, int year, int month, int day, double strength) {
        if (year < 1900 || year > 2100 || month == 0) {
            return;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            matches.add(new Match(matcher.start(), matcher.end(), date.toString(), strength));
        } catch (DateTimeException notADate) {
            // 31-02 and the like are not dates: nothing to add.
        }
    }

    private static int fullYear(String year) {
        int value = Integer.parseInt(year);
        return year.length() == 4 ? value : value <= 50 ? 2000 + value : 1900 + value;
    }

    private static int num(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
