package com.klarefi.extraction.internal;

import com.klarefi.extraction.internal.recognise.Match;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The amounts of a page that its arithmetic makes a total: an amount that the amounts on the lines
 * just above it add up to (the items, or a subtotal and its tax), or that a payment below it settles
 * (the cash tendered less the change given). A bill's total is the one amount both the items and
 * the payment agree on; a tax, a quantity or a single item rarely is. Where a total is rounded to
 * what cash can pay (a line just below it adjusting it by less than ten cents, with or without its
 * minus, and a line just below that the result), the rounded amount is the total and the one it was
 * rounded from is not. A total that others above it add up to (the totals by tax rate of a bill) is
 * the whole, and they are not totals. Each line counts with its last
 * amount, the one a column of amounts prints: a unit price or a quantity before it is no term of
 * the sum, and no total.
 */
final class Tallies {
    /** At most this many lines above an amount are summed: a long bill's items, not a whole page. */
    private static final int MOST_TERMS = 40;
    /** The cash tendered stands within this many amount lines below the total (a rounding, a tax between). */
    private static final int PAYMENT_LINES = 3;
    /** A rounding adjustment is less than this many cents (to the nearest 5 or 10 cents). */
    private static final int ROUNDING = 10;
    /**
     * The rounding stands within this many amount lines below the amount it adjusts, and the rounded
     * total within as many below the rounding (a tax of nought, a tender line between).
     */
    private static final int ROUNDING_REACH = 2;

    /**
     * A rounding adjustment down, printed with its minus and perhaps a currency ("-0.01", "-RM0.02")
     * at a line's end, perhaps before a short tax code: group 1 is the amount.
     */
    private static final Pattern ADJUSTMENT = Pattern.compile(
            "(?m)(?<![\\d.,\\p{L}])[-\u2212][ \t]?(?:\\p{L}{1,3}\\$?|\\$)?[ \t]?(0[.,]0[1-9])(?=[ \t]*(?:\\p{L}{1,2})?[ \t|]*$)");

    private Tallies() {}

    /** The start offsets of the amounts among {@code amounts} that the page's arithmetic makes a total. */
    static Set<Integer> of(String text, List<Match> amounts) {
        int[] newlines = newlines(text);
        List<Amount> read = new ArrayList<>();
        for (Match match : amounts) {
            Long cents = cents(match.normalized());
            if (cents != null) {
                read.add(new Amount(match.start(), match.end(), line(newlines, match.start()), cents));
            }
        }
        // a rounding adjustment printed with its minus ("Rounding Adj: -0.01"), which no recogniser reads as an amount
        Matcher printed = ADJUSTMENT.matcher(text);
        while (printed.find()) {
            long cents = Math.round(Double.parseDouble(printed.group(1).replace(',', '.')) * 100);
            read.add(new Amount(printed.start(), printed.end(), line(newlines, printed.start()), -cents));
        }
        read.sort(Comparator.comparingInt(Amount::start));
        List<List<Amount>> rows = new ArrayList<>();
        for (Amount amount : read) {
            if (!rows.isEmpty() && rows.getLast().getFirst().line() == amount.line()) {
                rows.getLast().add(amount);
            } else {
                rows.add(new ArrayList<>(List.of(amount)));
            }
        }
        List<Amount> lineLast = rows.stream().map(List::getLast).toList();
        Set<Integer> totals = new HashSet<>();
        for (int i = 0; i < lineLast.size(); i++) {
            Amount amount = lineLast.get(i);
            if (amount.cents() > 0 && (summed(amount, lineLast) || settled(i, lineLast))) {
                totals.add(amount.start());
            }
        }
        totals.addAll(summarised(rows, lineLast));
        // a total rounded to what cash can pay is the total; the amount it was rounded from is not
        for (int f = 0; f < lineLast.size(); f++) {
            Amount from = lineLast.get(f);
            for (int a = f + 1; a < lineLast.size() && a <= f + ROUNDING_REACH; a++) {
                long adjustment = lineLast.get(a).cents();
                for (int r = a + 1; r < lineLast.size() && r <= a + ROUNDING_REACH; r++) {
                    Amount rounded = lineLast.get(r);
                    if (adjustment != 0
                            && Math.abs(adjustment) < ROUNDING
                            && rounded.cents() > ROUNDING
                            && (adjustment > 0
                                    ? Math.abs(from.cents() - rounded.cents()) == adjustment
                                    : from.cents() + adjustment == rounded.cents())) {
                        totals.remove(from.start());
                        totals.add(rounded.start());
                    }
                }
            }
        }
        return withoutParts(totals, lineLast);
    }

    /**
     * The totals without those that are parts of a larger total: two or three amounts of different
     * values, on lines of their own above it, that add up to it. A bill's totals by tax rate ("Total 0%
     * supplies", "Total 6% supplies") are parts of the total payable, however each is tallied itself.
     */
    private static Set<Integer> withoutParts(Set<Integer> totals, List<Amount> lines) {
        Set<Integer> parts = new HashSet<>();
        for (int w = 0; w < lines.size(); w++) {
            Amount whole = lines.get(w);
            if (!totals.contains(whole.start())) {
                continue;
            }
            List<Amount> above = lines.subList(Math.max(0, w - MOST_TERMS), w);
            for (int i = 0; i < above.size(); i++) {
                Amount a = above.get(i);
                for (int j = i + 1; j < above.size(); j++) {
                    Amount b = above.get(j);
                    if (!distinctParts(whole, a, b)) {
                        continue;
                    }
                    if (a.cents() + b.cents() == whole.cents()) {
                        parts.add(a.start());
                        parts.add(b.start());
                    }
                    for (int k = j + 1; k < above.size(); k++) {
                        Amount c = above.get(k);
                        if (distinctParts(whole, b, c)
                                && distinctParts(whole, a, c)
                                && a.cents() + b.cents() + c.cents() == whole.cents()
                                && !ownTerms(a, b, c)) {
                            parts.add(a.start());
                            parts.add(b.start());
                            parts.add(c.start());
                        }
                    }
                }
            }
        }
        Set<Integer> left = new HashSet<>(totals);
        left.removeAll(parts);
        return left;
    }

    /**
     * Whether one of three amounts is the sum of the other two: a total beside its own terms
     * ("Excluding tax 18.87", "Tax 1.13", "Including tax 20.00"), which a larger amount below them
     * counts twice (the cash tendered, 40.00). They are no parts of it.
     */
    private static boolean ownTerms(Amount a, Amount b, Amount c) {
        return a.cents() + b.cents() == c.cents()
                || a.cents() + c.cents() == b.cents()
                || b.cents() + c.cents() == a.cents();
    }

    /**
     * Amounts that a bill's tax summary below them splits into an amount and its smaller tax
     * ("TOTAL 21.20" over "Total : 20.00 1.20"). The summary is a block of lines of two amounts or
     * more; it speaks of the total when it has one row, or when its last row adds up the rows above
     * it (a row of nought counts for none). A row of one rate among several is a part of the bill,
     * not its total. Where the amount it names is rounded to what cash can pay on the next lines
     * without a printed adjustment ("Grand Total : 42.38" over "Net Total : 42.40"), the rounded one
     * is the total.
     */
    private static Set<Integer> summarised(List<List<Amount>> lines, List<Amount> lineLast) {
        List<List<Amount>> rows = lines.stream()
                .filter(row -> row.size() >= 2 && row.stream().anyMatch(amount -> amount.cents() != 0))
                .toList();
        Set<Integer> totals = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            boolean lastOfBlock = r == rows.size() - 1
                    || rows.get(r + 1).getFirst().line()
                            != rows.get(r).getFirst().line() + 1;
            if (!lastOfBlock) {
                continue;
            }
            int first = r;
            while (first > 0
                    && rows.get(first - 1).getFirst().line()
                            == rows.get(first).getFirst().line() - 1) {
                first--;
            }
            List<Amount> row = rows.get(r);
            long net = row.get(row.size() - 2).cents();
            long tax = row.getLast().cents();
            long others = 0;
            for (int o = first; o < r; o++) {
                List<Amount> other = rows.get(o);
                others += other.get(other.size() - 2).cents();
            }
            if (tax <= 0 || tax >= net || first < r && others != net) {
                continue;
            }
            int line = row.getFirst().line();
            for (int a = 0; a < lineLast.size(); a++) {
                Amount above = lineLast.get(a);
                if (above.line() < line && above.line() >= line - MOST_TERMS && above.cents() == net + tax) {
                    totals.add(roundedBelow(a, lineLast).start());
                }
            }
        }
        return totals;
    }

    /** The amount rounded to five cents on the next lines below an amount, or the amount itself. */
    private static Amount roundedBelow(int index, List<Amount> lines) {
        Amount amount = lines.get(index);
        for (int b = index + 1; b < lines.size() && b <= index + ROUNDING_REACH; b++) {
            long difference = Math.abs(lines.get(b).cents() - amount.cents());
            if (difference > 0 && difference < ROUNDING && lines.get(b).cents() % 5 == 0) {
                return lines.get(b);
            }
        }
        return amount;
    }

    /** Two amounts of different values and lines, both other than the whole and below it. */
    private static boolean distinctParts(Amount whole, Amount a, Amount b) {
        return a.cents() != b.cents()
                && a.line() != b.line()
                && a.line() != whole.line()
                && b.line() != whole.line()
                && a.cents() < whole.cents()
                && b.cents() < whole.cents();
    }

    /** The amounts of two or more consecutive lines right above the amount's line add up to it (a nought, a discount of none, is no term). */
    private static boolean summed(Amount total, List<Amount> lines) {
        int above = -1;
        for (int i = 0; i < lines.size() && lines.get(i).line() < total.line(); i++) {
            above = i;
        }
        long sum = 0;
        int terms = 0;
        for (int i = above; i >= 0 && terms < MOST_TERMS; i--) {
            long term = lines.get(i).cents();
            if (term == 0) {
                continue;
            }
            sum += term;
            terms++;
            if (terms >= 2 && sum == total.cents()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first larger amount in the next few lines below, less the amount right after it, is the
     * amount: the cash tendered and the change given (or the amount paid exactly, and no change).
     */
    private static boolean settled(int index, List<Amount> lines) {
        long total = lines.get(index).cents();
        for (int i = index + 1; i < lines.size() - 1 && i <= index + PAYMENT_LINES; i++) {
            long tendered = lines.get(i).cents();
            long change = lines.get(i + 1).cents();
            if (tendered > total || tendered == total && change == 0) {
                return tendered - change == total;
            }
        }
        return false;
    }

    /** The offsets of the text's line breaks, in order. */
    private static int[] newlines(String text) {
        return IntStream.range(0, text.length())
                .filter(i -> text.charAt(i) == '\n')
                .toArray();
    }

    /** The line an offset stands on: the number of line breaks before it. */
    private static int line(int[] newlines, int offset) {
        int at = Arrays.binarySearch(newlines, offset);
        return at >= 0 ? at : -at - 1;
    }

    /** The amount of a normalised money value ("MYR 11.00", "11.00") in cents, or null. */
    private static Long cents(String normalized) {
        String number = normalized.substring(normalized.lastIndexOf(' ') + 1);
        try {
            return new BigDecimal(number).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private record Amount(int start, int end, int line, long cents) {}
}
