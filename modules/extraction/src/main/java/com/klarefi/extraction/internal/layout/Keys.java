package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
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
    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:(?:[\\[(]\\s*[xX✓✔]?\\s*[\\])]|[☐☑☒□■✓✔])\\s*)?"
                    + "(?:(?:Q|Vraag|Question|Frage|Question)\\s*\\d{1,2}[a-z]?[.:)]?\\s+|\\(?\\d{1,2}(?:\\.\\d{1,2})*[a-z]?[.)]\\s+"
                    + "|\\(?[a-h][.)]\\s+)?"
                    + "(?:(?:[\\[(]\\s*[xX✓✔]?\\s*[\\])]|[☐☑☒□■✓✔])\\s*)?");

    /** A key at {@code [start, end)}; {@code sentence} when it is a cell of running text. */
    record Key(int start, int end, boolean sentence) {
    }

    private Keys() {
    }

    static List<Key> of(PageLayout layout) {
        String text = layout.text();
        List<Key> keys = new ArrayList<>();
        for (Line line : layout.lines()) {
            for (Cell cell : line.cells()) {
                if (cell.tokens().size() >= SENTENCE_WORDS) {
                    keys.add(new Key(cell.start(), cell.end(), true));
                    continue;
                }
                Key key = key(text, cell);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static Key key(String text, Cell cell) {
        Matcher numbering = NUMBERING.matcher(text).region(cell.start(), cell.end());
        int start = numbering.lookingAt() ? numbering.end() : cell.start();
        int end = cell.end();
        int colon = text.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        } else {
            for (Token token : cell.tokens()) {
                if (token.start() >= start && text.substring(token.start(), token.end()).chars()
                        .anyMatch(c -> Character.isDigit(c) || c == '@')) {
                    end = Math.min(end, token.start());
                    break;
                }
            }
        }
        while (end > start && !Character.isLetter(text.charAt(end - 1)) && text.charAt(end - 1) != '.'
                && text.charAt(end - 1) != ')') {
            end--;
        }
        long letters = text.substring(start, Math.max(start, end)).chars().filter(Character::isLetter).count();
        return letters >= 2 ? new Key(start, end, false) : null;
    }
}
