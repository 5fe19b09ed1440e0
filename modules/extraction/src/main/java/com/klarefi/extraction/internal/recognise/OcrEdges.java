package com.klarefi.extraction.internal.recognise;

/**
 * What OCR makes of a page's edges and specks: a scanned receipt's border or fold is read as a bar,
 * an underscore, a quote or a registered sign at the start or end of a line ("| 4-20, Jalan Ria",
 * "_ No.2, Jalan", "Selangor :"), and a bar standing alone between words. Such glyphs are no part of
 * a name or an address printed on the line, so values read from whole lines leave them out. A
 * {@code #} ("#02-03"), a bracket and a closing dot are kept: addresses and names print them.
 */
public final class OcrEdges {
    private static final String GLYPHS = "|¦_~;:'\"‘’‚„“”`®©»«•*=—–\\\\";

    private OcrEdges() {}

    /** The first position at or after {@code from}, before {@code to}, that is no edge glyph or space. */
    public static int skipLeading(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text.charAt(i)) || edge(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /**
     * A line without the edge glyphs before and after its text and without bars standing alone,
     * its runs of spaces as one space. Written out rather than as four regular expressions (one
     * compiled per call) because the address and name readers clean every line of a page several
     * times; {@code OcrEdgesTest} holds the expressions it is equal to.
     */
    public static String clean(String line) {
        int length = line.length();
        StringBuilder inner = new StringBuilder(length);
        for (int i = 0; i < length; ) {
            int end = i;
            while (end < length && bar(line.charAt(end))) {
                end++;
            }
            if (end == i) {
                inner.append(line.charAt(i++));
            } else {
                boolean alone = i > 0 && space(line.charAt(i - 1)) && end < length && space(line.charAt(end));
                inner.append(alone ? " " : line.substring(i, end));
                i = end;
            }
        }
        int from = 0;
        while (from < inner.length() && (space(inner.charAt(from)) || edge(inner.charAt(from)))) {
            from++;
        }
        // A line terminator other than \n and \r ends the text as "$" sees it and stays.
        int to = inner.length();
        boolean terminated = to > from && isOtherTerminator(inner.charAt(to - 1));
        int textEnd = terminated ? to - 1 : to;
        while (textEnd > from && (space(inner.charAt(textEnd - 1)) || glyph(inner.charAt(textEnd - 1)))) {
            textEnd--;
        }
        StringBuilder cleaned = new StringBuilder(to - from);
        for (int i = from; i < textEnd; i++) {
            char c = inner.charAt(i);
            if (!space(c)) {
                cleaned.append(c);
            } else if (i == from || !space(inner.charAt(i - 1))) {
                cleaned.append(' ');
            }
        }
        return terminated ? cleaned.append(inner.charAt(to - 1)).toString() : cleaned.toString();
    }

    /** What a regular expression's {@code \\s} is: ASCII white space only. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean bar(char c) {
        return c == '|' || c == '¦';
    }

    private static boolean glyph(char c) {
        return GLYPHS.indexOf(c) >= 0;
    }

    private static boolean isOtherTerminator(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean edge(char c) {
        return glyph(c) || c == '.' || c == ',' || c == '-';
    }
}
