package com.klarefi.extraction.internal.recognise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in ISO, numeric and written forms. java.time's formatters parse one fixed pattern at a
 * time and cannot find dates inside running text, so finding is hand-written (regular expressions
 * over CLDR month names) and java.time validates the result. A case type's locales are languages,
 * not regions ("en" is both the US and Britain), so they cannot decide whether 04/05/2021 is
 * 4 May or 5 April; the document can ({@link #orderOf}): a recogniser {@link #inOrder} of the
 * document reads its ambiguous numeric dates in that order. Without one, numeric dates are day
 * first, as in Europe, unless the value itself is impossible day first (05/13/2017) or the page
 * shows US order (a second number above 12 and no first one). Dotted dates (04.05.2021) are day
 * first everywhere. Two-digit years are read in 1951-2050 and are less sure. Contracts write "the
 * 18th day of April, 2001"; receipts "16-Mar-2018" and "16 MAR 18".
 */
final class DateRecogniser implements Recogniser {
    private static final Pattern ISO = Pattern.compile("(?<![\\d./-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    /**
     * Day, month and year between two like separators; OCR may set one space beside a dash or a slash
     * ("27- 04-18", "23/04/ 2017"), which {@link #scan} allows once per date.
     */
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d./-])(\\d{1,2}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{4}|\\d{2})(?![\\d]|[./-]\\d)");

    /**
     * Day, month and a four-digit year where OCR lost one of the two separators ("17/032019",
     * "2506/2019"): two digits each for day and month, a year of this or the last century.
     */
    private static final Pattern ONE_SEPARATOR = Pattern.compile(
            "(?<![\\d./-])(\\d{2})(?:([-/])(\\d{2})|(\\d{2})([-/]))((?:19|20)\\d{2})(?![\\d]|[./-]\\d)");
    /** A date read with a separator lost is less sure than one with a two-digit year. */
    private static final double ONE_SEPARATOR_STRENGTH = 0.6;

    /** An impossible numeric date weighs this many written ones. */
    private static final int IMPOSSIBLE_WEIGHT = 3;

    private final Forms forms;
    private final DateOrder order;

    /** The written forms of dates, built once from the calendar words and shared by every order. */
    private record Forms(
            CalendarWords words,
            Pattern dayFirst,
            Pattern monthFirst,
            Pattern dayOf,
            Pattern compact,
            Map<String, DateOrder> countryOrders) {
        static Forms build() {
            CalendarWords words = new CalendarWords();
            String weekday = "(?:(?:" + words.weekdayAlternation() + ")\\.?,?\\s+)?";
            String month = "(" + words.monthAlternation() + ")\\.?";
            return new Forms(
                    words,
                    Pattern.compile("(?iuU)(?<![\\p{L}\\d])" + weekday + "(\\d{1,2})(?:st|nd|rd|th|er|e)?\\.?\\s+"
                            + month + ",?\\s+(\\d{4})(?!\\d)"),
                    Pattern.compile("(?iuU)(?<![\\p{L}\\d])" + weekday + month
                            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})(?!\\d)"),
                    Pattern.compile("(?iuU)(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+)?of\\s+" + month
                            + "\\s*,?\\s+(?:in\\s+the\\s+year\\s+)?(\\d{4})(?!\\d)"),
                    // a receipt's "24-MAR-2018", "24 Mar 18", and "24 Mar-2018" with two separators
                    Pattern.compile("(?iuU)(?<![\\p{L}\\d])(\\d{1,2})([-/ ])" + month + "[-/ ](\\d{4}|\\d{2})(?!\\d)"),
                    new ConcurrentHashMap<>());
        }
    }

    private DateRecogniser(Forms forms, DateOrder order) {
        this.forms = forms;
        this.order = order;
    }

    DateRecogniser() {
        this(Forms.build(), DateOrder.UNKNOWN);
    }

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            add(matches, iso, num(iso, 1), num(iso, 2), num(iso, 3), 1.0);
        }
        boolean us = order == DateOrder.UNKNOWN ? looksUs(text) : order == DateOrder.MONTH_FIRST;
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (!spacedAsOcrSpaces(numeric)) {
                continue;
            }
            int first = num(numeric, 1);
            int second = num(numeric, 3);
            int year = fullYear(numeric.group(4));
            boolean ambiguous = first <= 12 && second <= 12 && first != second;
            double strength = numeric.group(4).length() == 2 ? 0.7 : ambiguous ? 0.9 : 1.0;
            addInOrder(
                    matches,
                    numeric,
                    year,
                    first,
                    second,
                    strength,
                    us && !numeric.group(2).equals("."));
        }
        Matcher glued = ONE_SEPARATOR.matcher(text);
        while (glued.find()) {
            int first = num(glued, 1);
            int second = Integer.parseInt(glued.group(3) != null ? glued.group(3) : glued.group(4));
            int year = num(glued, 6);
            addInOrder(matches, glued, year, first, second, ONE_SEPARATOR_STRENGTH, us);
        }
        Matcher written = forms.dayFirst().matcher(text);
        while (written.find()) {
            add(matches, written, num(written, 3), forms.words().month(written.group(2)), num(written, 1), 1.0);
        }
        Matcher contract = forms.dayOf().matcher(text);
        while (contract.find()) {
            add(matches, contract, num(contract, 3), forms.words().month(contract.group(2)), num(contract, 1), 1.0);
        }
        Matcher receipt = forms.compact().matcher(text);
        while (receipt.find()) {
            String year = receipt.group(4);
            if (matches.stream().noneMatch(m -> m.start() == receipt.start())) {
                add(
                        matches,
                        receipt,
                        fullYear(year),
                        forms.words().month(receipt.group(3)),
                        num(receipt, 1),
                        year.length() == 2 ? 0.8 : 1.0);
            }
        }
        Matcher american = forms.monthFirst().matcher(text);
        while (american.find()) {
            add(matches, american, num(american, 3), forms.words().month(american.group(1)), num(american, 2), 1.0);
        }
        matches.sort(Comparator.comparingInt(Match::start));
        return matches;
    }

    /** This recogniser reading ambiguous numeric dates in the given order. */
    DateRecogniser inOrder(DateOrder documentOrder) {
        return documentOrder == order ? this : new DateRecogniser(forms, documentOrder);
    }

    /**
     * The order a document of these page texts writes numeric dates in: numeric dates impossible
     * one way round weigh most, then written dates with the month first or the day first; where
     * they do not decide, the customary order of the countries of the places it names
     * ({@code regions} reads a place as its country's code).
     */
    DateOrder orderOf(List<String> texts, Recogniser regions) {
        int monthFirstSeen = 0;
        int dayFirstSeen = 0;
        for (String text : texts) {
            Matcher numeric = NUMERIC.matcher(text);
            while (numeric.find()) {
                if (!spacedAsOcrSpaces(numeric)) {
                    continue;
                }
                int first = num(numeric, 1);
                int second = num(numeric, 3);
                if (first > 12 && second <= 12) {
                    dayFirstSeen += IMPOSSIBLE_WEIGHT;
                } else if (second > 12 && first <= 12 && !numeric.group(2).equals(".")) {
                    monthFirstSeen += IMPOSSIBLE_WEIGHT;
                }
            }
            monthFirstSeen += (int) forms.monthFirst().matcher(text).results().count();
            dayFirstSeen += (int) forms.dayFirst().matcher(text).results().count();
        }
        DateOrder byDates = DateOrder.of(monthFirstSeen, dayFirstSeen);
        if (byDates != DateOrder.UNKNOWN) {
            return byDates;
        }
        int monthFirstPlaces = 0;
        int dayFirstPlaces = 0;
        for (String text : texts) {
            for (Match place : regions.scan(text)) {
                DateOrder country = forms.countryOrders().computeIfAbsent(place.normalized(), DateOrder::ofCountry);
                monthFirstPlaces += country == DateOrder.MONTH_FIRST ? 1 : 0;
                dayFirstPlaces += country == DateOrder.DAY_FIRST ? 1 : 0;
            }
        }
        return DateOrder.of(monthFirstPlaces, dayFirstPlaces);
    }

    /** Whether a numeric date holds no space, or one beside a dash or a slash (not a dot: "12. 05.18"). */
    private static boolean spacedAsOcrSpaces(Matcher numeric) {
        long spaces = numeric.group().chars().filter(c -> c == ' ').count();
        return spaces == 0 || spaces == 1 && !numeric.group(2).equals(".");
    }

    /** A page is US when some numeric date only makes sense month first and none day first. */
    private static boolean looksUs(String text) {
        boolean monthFirstSeen = false;
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (!spacedAsOcrSpaces(numeric)) {
                continue;
            }
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

    /**
     * A numeric date's two first numbers read day first, unless the first can only be the month (the
     * second is over 12) or the page writes month first and the first can be a month.
     */
    private static void addInOrder(
            List<Match> matches,
            Matcher matcher,
            int year,
            int first,
            int second,
            double strength,
            boolean monthFirst) {
        if (first <= 12 && (second > 12 || monthFirst)) {
            add(matches, matcher, year, first, second, strength);
        } else {
            add(matches, matcher, year, second, first, strength);
        }
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
