package com.klarefi.extraction.internal.recognise;

/** Small helpers on spans of page text. */
final class Spans {
    private Spans() {}

    /** The first position at or after {@code from} that is not whitespace or label punctuation. */
    static int skipSeparators(String text, int from, int to) {
        int i = from;
        while (i < to && isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ':' || c == '#' || c == '|' || c == '\u00b7';
    }

    /** The end of the line that contains {@code from}, but not past {@code to}. */
    static int lineEnd(String text, int from, int to) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? to : Math.min(newline, to);
    }
}
