package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a page, found by its structure alone, before any case type is asked: in a cell of a
 * few words, the words before a colon, or before the first word with a digit (the value in the same
 * cell), or the whole cell (a value cell follows, or stands below, or a column header). A question's
 * number ("4.", "4a)", "Q3", "Vraag 2") and a tick box ("[x]", "☒") are not part of the key. Cells
 * of running text are sentences: their words are matched one by one, not as a key.
 */
final class Keys {
    /** Cells with at least this many words are running text. */
    static final int SENTENCE_WORDS = 8;

    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:(?:[\\[(]\\s*[xX✓✔]?\\s*[\\])]|[☐☑☒□■✓✔])\\s*)?"
            + "(?:(?:Q|Vraag|Question|Frage|Question)\\s*\\d{1,2}[a-z]?[.:)]?\\s+|\\(?\\d{1,2}(?:\\.\\d{1,2})*[a-z]?[.)]\\s+"
            + "|\\(?[a-h][.)]\\s+)?"
            + "(?:(?:[\\[(]\\s*[xX✓✔]?\\s*[\\])]|[☐☑☒□■✓✔])\\s*)?");

    /** A number that is part of a key ("Voertuig 2", "Vraag 4"), not a value. */
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}[.:)]?");

    /**
     * A key at {@code [start, end)}; {@code sentence} when it is a cell of running text; the heading
     * of its section at {@code [headingStart, headingEnd)}, or -1 when none stands above it;
     * {@code field} when its line holds a form's field (at most a key and a value), not a table row.
     */
    record Key(int start, int end, boolean sentence, int headingStart, int headingEnd, boolean field) {
        boolean underHeading() {
            return headingStart >= 0;
        }
    }

    private Keys() {}

    static List<Key> of(PageLayout layout) {
        String text = layout.text();
        List<Key> keys = new ArrayList<>();
        List<Line> lines = layout.lines();
        Cell heading = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (heading(text, line, i + 1 < lines.size() ? lines.get(i + 1) : null)) {
                heading = line.cells().getFirst();
                Key key = key(text, heading, null, true);
                if (key != null) {
                    keys.add(key);
                }
                continue;
            }
            for (Cell cell : line.cells()) {
                if (cell.tokens().size() >= SENTENCE_WORDS) {
                    keys.add(new Key(cell.start(), cell.end(), true, -1, -1, false));
                    continue;
                }
                Key key = key(text, cell, heading, line.cells().size() <= 2);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /**
     * A section heading: a line of one short cell of words alone ("Gegevens tegenpartij", "Vehicle
     * B"), followed by a line of fields (several cells, or a colon).
     */
    private static boolean heading(String text, Line line, Line next) {
        if (line.cells().size() != 1
                || next == null
                || line.cells().getFirst().tokens().size() > 5) {
            return false;
        }
        Cell cell = line.cells().getFirst();
        String words = Associations.slice(text, cell.start(), cell.end());
        Matcher numbering = NUMBERING.matcher(words);
        String rest = numbering.lookingAt() ? words.substring(numbering.end()) : words;
        boolean valueInside = Arrays.stream(rest.strip().split("\\s+"))
                .anyMatch(word -> word.chars().anyMatch(Character::isDigit)
                        && !SMALL_NUMBER.matcher(word).matches());
        // a line that ends a sentence is its last words, not a heading ("voorkant van mijn auto.")
        if (valueInside
                || rest.strip().endsWith(".") && !rest.strip().matches(".*\\b\\p{L}{1,4}\\.$")
                || rest.strip().replaceAll(":$", "").contains(":")
                || rest.chars().filter(Character::isLetter).count() < 3) {
            return false;
        }
        if (next.cells().size() >= 2
                || next.cells().stream()
                        .anyMatch(c -> KEY_COLON
                                .matcher(text.substring(c.start(), c.end()))
                                .find())) {
            return true;
        }
        // a numbered section ("3. Incident details") over a key of its own line, not over its value
        // as a numbered question is ("4. Telefoon" over "06 1234 5678")
        return numbering.lookingAt()
                && numbering.end() > 0
                && !rest.strip().endsWith("?")
                && next.cells().stream()
                        .noneMatch(
                                c -> text.substring(c.start(), c.end()).chars().anyMatch(Character::isDigit));
    }

    /** A colon after a word ends a key ("Naam:"); one between digits is part of a value ("11:05"). */
    private static final Pattern KEY_COLON = Pattern.compile("[\\p{L}.)]\\s*:");

    /** A currency as printed before an amount: a symbol, a local word or an ISO 4217 code. */
    private static final Pattern CURRENCY = Pattern.compile("[€$£¥₹]|RM|Rs\\.?|kr|zł|"
            + String.join(
                    "|",
                    Currency.getAvailableCurrencies().stream()
                            .map(Currency::getCurrencyCode)
                            .sorted()
                            .toList()));

    private static boolean valueWord(String word) {
        return !SMALL_NUMBER.matcher(word).matches() && word.chars().anyMatch(c -> Character.isDigit(c) || c == '@');
    }

    /** The word that follows {@code from} on its line, or "" at the line's end. */
    private static String nextWord(String text, int from) {
        int start = from;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static Key key(String text, Cell cell, Cell heading, boolean field) {
        Matcher numbering = NUMBERING.matcher(text).region(cell.start(), cell.end());
        int start = numbering.lookingAt() ? numbering.end() : cell.start();
        int end = cell.end();
        int colon = text.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        } else {
            // the value in the key's cell starts at its first word with a digit; a small number is
            // part of the key only where no other value follows ("Voertuig 2", not "zaterdag 7 oktober 1961")
            boolean value = cell.tokens().stream()
                    .anyMatch(token -> token.start() >= start && valueWord(text.substring(token.start(), token.end())));
            List<Token> tokens = cell.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                String word = text.substring(token.start(), token.end());
                // a currency printed before its amount is part of the value ("TOTAL RM 52.40"), also where
                // the amount stands in the next cell ("Total Sales RM | 19.90")
                boolean currencyOfValue = CURRENCY.matcher(word).matches()
                        && valueWord(
                                i + 1 < tokens.size()
                                        ? text.substring(
                                                tokens.get(i + 1).start(),
                                                tokens.get(i + 1).end())
                                        : nextWord(text, cell.end()));
                if (token.start() >= start
                        && (currencyOfValue
                                || valueWord(word)
                                || value && SMALL_NUMBER.matcher(word).matches())) {
                    end = Math.min(end, token.start());
                    break;
                }
            }
        }
        while (end > start
                && !Character.isLetter(text.charAt(end - 1))
                && text.charAt(end - 1) != '.'
                && text.charAt(end - 1) != ')') {
            end--;
        }
        long letters = text.substring(start, Math.max(start, end))
                .chars()
                .filter(Character::isLetter)
                .count();
        if (letters < 2) {
            return null;
        }
        return heading == null
                ? new Key(start, end, false, -1, -1, field)
                : new Key(start, end, false, heading.start(), heading.end(), field);
    }
}
