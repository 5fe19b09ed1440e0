package com.klarefi.extraction.internal.recognise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Amounts with a currency before or after them: {@code € 1.234,56}, {@code 1.234,-},
 * {@code CHF 1'234.50}, {@code $1,234.56}, {@code 12.50 USD}, {@code 852,00 euro}, {@code RM 9.90},
 * {@code ₹1,23,456.00} (Indian grouping). An amount printed without a currency ({@code TOTAL 90.00})
 * is read in the currency the feature states, else in the currency the page prints alone as a
 * heading of bare amounts, when the page prints more bare amounts than amounts with a currency (a
 * receipt under "Total (RM)"). A page that prints no currency at all but a column of bare amounts
 * (at least {@value #COLUMN_LINES} lines ending in one, as a till receipt or a bill does, none with
 * a currency: a sign elsewhere may be OCR's reading of a street number) states
 * amounts too: they are read as the amount alone ({@code 12.80}), since nothing says in which
 * currency. Otherwise a bare number is no amount. Hand-written:
 * java.text's NumberFormat parses one locale's separators and needs the currency in the locale's
 * own position, while documents mix them. ISO codes come from Currency; symbols and words
 * map to codes in a small table because symbols are ambiguous ({@code $}: read as USD).
 */
final class MoneyRecogniser implements Recogniser {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("€", "EUR"),
            Map.entry("eur", "EUR"),
            Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"),
            Map.entry("£", "GBP"),
            Map.entry("us$", "USD"),
            Map.entry("$", "USD"),
            Map.entry("¥", "JPY"),
            Map.entry("fr.", "CHF"),
            Map.entry("kr", "SEK"),
            Map.entry("zł", "PLN"),
            Map.entry("a$", "AUD"),
            Map.entry("c$", "CAD"),
            Map.entry("rm", "MYR"),
            Map.entry("s$", "SGD"),
            Map.entry("hk$", "HKD"),
            Map.entry("₹", "INR"),
            Map.entry("rs", "INR"),
            Map.entry("rs.", "INR"),
            Map.entry("sfr.", "CHF"),
            Map.entry("kč", "CZK"),
            Map.entry("ft", "HUF"),
            Map.entry("₩", "KRW"),
            Map.entry("฿", "THB"),
            Map.entry("rp", "IDR"),
            Map.entry("₱", "PHP"),
            Map.entry("₺", "TRY"),
            Map.entry("zl", "PLN"));
    private static final String AMOUNT = "(\\d{1,3}(?:[.,'\u00a0\u202f]\\d{3})+(?:[.,]\\d{2}|,-|\\.-)?"
            + "|\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d{2})?|\\d+(?:[.,]\\d{2}|,-|\\.-)?)";
    /** An amount with two decimals and no currency: {@code 90.00}, {@code 1,234.50}, {@code 12,50}. */
    private static final Pattern BARE = Pattern.compile("(?<![\\d.,:/-])(\\d{1,3}(?:[,.'\u00a0]\\d{3})+[.,]\\d{2}"
            + "|\\d{1,2}(?:,\\d{2})+,\\d{3}\\.\\d{2}|\\d{1,7}[.,]\\d{2})(?![\\d%]|[.,:/-]\\d)");
    /** {@code 1.234,-}: a whole amount in Dutch writing, euros unless a currency says otherwise. */
    /**
     * What may follow an amount at a line's end: a short tax code ("1.90 T", "6.00 SR"), and the rule
     * of a table's border that OCR reads as a bar ("99.00 |").
     */
    private static final String LINE_END = "[ \t]*(?:\\p{L}{1,2})?[ \t|]*$";
    /** A line that ends in a bare amount, perhaps followed by a tax code or a border ({@link #LINE_END}). */
    private static final Pattern COLUMN_LINE = Pattern.compile("(?m)(?<![\\d.,])\\d{1,7}[.,]\\d{2}" + LINE_END);

    static final int COLUMN_LINES = 3;
    /**
     * An amount at a line's end whose two decimals OCR set apart by a space ("24. 50"), perhaps before
     * a short tax code: group {@code space} is the space.
     */
    private static final Pattern SPLIT_DECIMALS =
            Pattern.compile("(?m)(?<![\\d.,])\\d{1,7}[.,](?<space> )\\d{2}(?=" + LINE_END + ")");

    /**
     * An amount at a line's end whose decimals OCR read with a letter O for a zero ("TOTAL 48.0O",
     * "4.9OSR" before a tax code): group 1 is the decimals.
     */
    private static final Pattern LETTER_ZEROES =
            Pattern.compile("(?m)(?<![\\d.,\\p{L}])\\d{1,7}[.,]((?=[\\dOo]{0,1}[Oo])[\\dOo]{2})(?=" + LINE_END + ")");

    /** A currency written in letters (a code or a local word: "MYR", "RM", "kr"), not a sign alone. */
    private static final Pattern WRITTEN_CURRENCY = Pattern.compile("\\p{L}{2}");

    private static final Pattern ROUND = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:\\.\\d{3})*,-");
    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern ALONE = Pattern.compile("(?<![\\p{L}\\d])(€|£|₹|RM|EUR|USD|GBP|CHF|MYR|SGD|INR|JPY|CNY"
            + "|AUD|CAD|SEK|NOK|DKK|PLN|CZK|HKD|zł|Kč)(?![\\p{L}]|\\s?\\d)");

    static final String CURRENCY =
            "(US\\$|A\\$|C\\$|S\\$|HK\\$|€|£|\\$|¥|₹|₩|฿|₱|₺|[A-Z]{3}|(?i:eur(?:os?)?)|Fr\\.|SFr\\."
                    + "|RM|Rs\\.?|Kč|zł|zl|kr|Rp)";
    /**
     * The characters a {@link #CURRENCY} starts with. Most places of a page start with none of them,
     * and the look-ahead turns those away before the currencies are tried one by one.
     */
    static final String CURRENCY_START = "(?=[A-Zekz€£$¥₹₩฿₱₺])";

    /**
     * An amount at a line's end written right after its currency, whose digits OCR split with a space
     * before the last of them ("Grand Total RM3 2.40" for RM32.40): group {@code space} is the space.
     */
    private static final Pattern SPLIT_DIGITS = Pattern.compile("(?m)" + CURRENCY_START + "(?<![\\p{L}\\d])" + CURRENCY
            + "\\d{1,3}(?<space> )\\d{1,3}[.,]\\d{2}(?=" + LINE_END + ")");

    private final Pattern before;
    private final Pattern after;
    private final Optional<String> stated;

    MoneyRecogniser() {
        this(Optional.empty());
    }

    /** Reads amounts without a currency in {@code stated} (ISO 4217), when given. */
    MoneyRecogniser(Optional<String> stated) {
        this.stated = stated;
        // a currency and its amount stand on one line: "SDN BHD" over a company number is no amount
        before = Pattern.compile(
                CURRENCY_START + "(?<![\\p{L}\\d])" + CURRENCY + "[ \t\u00a0]?" + AMOUNT + "(?![\\d]|[.,]\\d)");
        after = Pattern.compile("(?<![\\d.,])" + AMOUNT + "[ \t\u00a0]?" + CURRENCY + "(?![\\p{L}])");
    }

    @Override
    public List<Match> scan(String page) {
        List<int[]> closed = new ArrayList<>();
        String text = closingSplitDecimals(zeroes(page), closed);
        List<Match> matches = new ArrayList<>();
        collect(before.matcher(text), 1, 2, matches);
        collect(after.matcher(text), 2, 1, matches);
        Matcher dashed = ROUND.matcher(text);
        while (dashed.find()) {
            if (matches.stream().noneMatch(m -> m.start() <= dashed.start() && m.end() >= dashed.end())) {
                amount(dashed.group())
                        .ifPresent(value -> matches.add(new Match(
                                dashed.start(),
                                dashed.end(),
                                "EUR "
                                        + value.setScale(2, RoundingMode.UNNECESSARY)
                                                .toPlainString(),
                                0.8)));
            }
        }
        bare(text, matches);
        matches.sort(Comparator.comparingInt(Match::start));
        return closed.isEmpty()
                ? matches
                : matches.stream().map(m -> reopened(m, closed)).toList();
    }

    /** The text with the letters O that OCR read for an amount's zero decimals as zeroes; every offset stays. */
    private static String zeroes(String page) {
        Matcher letters = LETTER_ZEROES.matcher(page);
        if (!letters.find()) {
            return page;
        }
        StringBuilder text = new StringBuilder(page);
        do {
            for (int i = letters.start(1); i < letters.end(1); i++) {
                if (!Character.isDigit(text.charAt(i))) {
                    text.setCharAt(i, '0');
                }
            }
        } while (letters.find());
        return text.toString();
    }

    /**
     * The text with the decimals OCR set apart at a line's end ("Total 24. 50", "RM7. 30"), and the
     * digits it split after a currency ("RM3 2.40"), joined to their amount, the space moved after
     * them so that every offset stays; {@code closed} receives each joined amount's span in the page.
     */
    private static String closingSplitDecimals(String page, List<int[]> closed) {
        return closing(closing(page, SPLIT_DECIMALS, closed), SPLIT_DIGITS, closed);
    }

    /** The text with the space of each of the pattern's matches (group {@code space}) moved to its end. */
    private static String closing(String page, Pattern pattern, List<int[]> closed) {
        Matcher split = pattern.matcher(page);
        if (!split.find()) {
            return page;
        }
        StringBuilder text = new StringBuilder(page);
        do {
            int space = split.start("space");
            text.deleteCharAt(space).insert(split.end() - 1, ' ');
            closed.add(new int[] {split.start(), split.end()});
        } while (split.find());
        return text.toString();
    }

    /** A match that ends where a joined amount's decimals now end reaches to their end in the page. */
    private static Match reopened(Match match, List<int[]> closed) {
        for (int[] span : closed) {
            if (match.start() <= span[0] && match.end() == span[1] - 1) {
                return new Match(match.start(), span[1], match.normalized(), match.strength());
            }
        }
        return match;
    }

    /**
     * Amounts without a currency, in the stated currency or the one the page prints most; on a page
     * with a column of amounts and no currency printed alone, in the one currency the column writes
     * beside some of its amounts ("CASH 8.00 MYR 8.00" under "GRAND TOTAL 7.70"; in letters, or as a
     * sign twice: one sign may be a speck OCR read), or as the amount alone where the column writes
     * none. Either way only where the bare amounts outnumber those with a currency: a page that
     * writes its currency beside most amounts means something else by a bare number (a quantity, a
     * rate).
     */
    private void bare(String text, List<Match> matches) {
        Optional<String> currency = stated.or(() -> printed(text, matches));
        if (currency.isEmpty()) {
            // a sign OCR read beside a number out of the column ("Jalan $$14/52") does not make its amounts numbers
            List<java.util.regex.MatchResult> column =
                    COLUMN_LINE.matcher(text).results().toList();
            if (column.size() < COLUMN_LINES) {
                return;
            }
            List<Match> inColumn = matches.stream()
                    .filter(m -> column.stream().anyMatch(line -> m.start() < line.end() && m.end() > line.start()))
                    .toList();
            Set<String> written = inColumn.stream()
                    .map(m -> m.normalized().substring(0, m.normalized().indexOf(' ')))
                    .collect(Collectors.toSet());
            if (written.isEmpty()) {
                amountsAlone(text, matches);
                return;
            }
            // one sign alone may be OCR's reading of a speck ("P¢£ 3.80"); a code, a word or two signs are printed
            boolean printed = inColumn.size() >= 2
                    || inColumn.stream()
                            .anyMatch(m -> WRITTEN_CURRENCY
                                    .matcher(text.substring(m.start(), m.end()))
                                    .find());
            if (written.size() > 1 || !printed) {
                return;
            }
            currency = Optional.of(written.iterator().next());
        }
        String code = currency.get();
        List<Match> bare = new ArrayList<>();
        Matcher matcher = BARE.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            if (matches.stream().noneMatch(m -> m.start() < end && m.end() > start)) {
                amount(matcher.group(1))
                        .ifPresent(value -> bare.add(new Match(
                                start,
                                end,
                                code + " "
                                        + value.setScale(2, RoundingMode.UNNECESSARY)
                                                .toPlainString(),
                                0.8)));
            }
        }
        // A page that writes its currency beside most amounts means something else by a bare number
        // (a quantity, a rate); one that mostly prints bare numbers under a currency heading does not.
        if (stated.isPresent() || bare.size() > matches.size()) {
            matches.addAll(bare);
        }
    }

    private static void amountsAlone(String text, List<Match> matches) {
        List<Match> written = List.copyOf(matches);
        Matcher matcher = BARE.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            if (written.stream().anyMatch(m -> m.start() < end && m.end() > start)) {
                continue;
            }
            amount(matcher.group(1))
                    .ifPresent(value -> matches.add(new Match(
                            start,
                            end,
                            value.setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                            0.8)));
        }
    }

    private static void collect(Matcher matcher, int currencyGroup, int amountGroup, List<Match> matches) {
        while (matcher.find()) {
            Optional<String> code = currency(matcher.group(currencyGroup));
            Optional<BigDecimal> amount = amount(matcher.group(amountGroup));
            if (code.isPresent() && amount.isPresent()) {
                String normalized = code.get() + " "
                        + amount.get().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
                matches.add(new Match(matcher.start(), matcher.end(), normalized, 1.0));
            }
        }
    }

    /**
     * The currency a page prints most often alone, as a heading of bare amounts ("Total (RM)",
     * "Prices in EUR"); a currency printed beside an amount says nothing about the numbers without one.
     * Alone only symbols, local words and the codes of {@link #STATED}: an upper-case page is full of
     * three-letter words that are also ISO codes ("ALL", "TOP", "CUP").
     */
    private static Optional<String> printed(String text, List<Match> matches) {
        Map<String, Long> counts = new HashMap<>();
        Matcher alone = ALONE.matcher(text);
        while (alone.find()) {
            currency(alone.group(1)).ifPresent(code -> counts.merge(code, 1L, Long::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    static Optional<String> currency(String printed) {
        String key = printed.toLowerCase(Locale.ROOT);
        if (SYMBOLS.containsKey(key)) {
            return Optional.of(SYMBOLS.get(key));
        }
        return CODES.contains(printed) ? Optional.of(printed) : Optional.empty();
    }

    /**
     * The amount of a printed number. The last separator followed by exactly two digits (or a
     * dash) is the decimal one; every other separator groups thousands.
     */
    static Optional<BigDecimal> amount(String printed) {
        String value = printed.replace("\u00a0", " ").replace("\u202f", " ");
        String fraction = "00";
        if (value.endsWith(",-") || value.endsWith(".-")) {
            value = value.substring(0, value.length() - 2);
        } else if (value.length() > 3
                && (value.charAt(value.length() - 3) == ',' || value.charAt(value.length() - 3) == '.')) {
            fraction = value.substring(value.length() - 2);
            value = value.substring(0, value.length() - 3);
        }
        String digits = value.replaceAll("[.,' ]", "");
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(digits + "." + fraction));
    }
}
