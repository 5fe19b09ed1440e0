package com.klarefi.extraction.internal.recognise;

import java.util.regex.Pattern;

/**
 * What OCR makes of a page's edges and specks: a scanned receipt's border or fold is read as a bar,
 * an underscore, a quote or a registered sign at the start or end of a line ("| 4-20, Jalan Ria",
 * "_ No.2, Jalan", "Selangor :"), and a bar standing alone between words. Such glyphs are no part of
 * a name or an address printed on the line, so values read from whole lines leave them out. A
 * {@code #} ("#02-03"), a bracket and a closing dot are kept: addresses and names print them.
 */
public final class OcrEdges {
    private static final String GLYPHS = "|¦_~;:'\"‘’‚„“”`®©»«•*=—–\\\\";
    private static final Pattern LEADING = Pattern.compile("^[\\s" + GLYPHS + ".,-]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s" + GLYPHS + "]+$");
    private static final Pattern LONE_BAR = Pattern.compile("(?<=\\s)[|¦]+(?=\\s)");

    private OcrEdges() {}

    /** The first position at or after {@code from}, before {@code to}, that is no edge glyph or space. */
    public static int skipLeading(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text.charAt(i)) || edge(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** A line without the edge glyphs before and after its text and without bars standing alone. */
    public static String clean(String line) {
        String inner = LONE_BAR.matcher(line).replaceAll(" ");
        return TRAILING.matcher(LEADING.matcher(inner).replaceFirst(""))
                .replaceFirst("")
                .replaceAll("\\s+", " ");
    }

    private static boolean edge(char c) {
        return GLYPHS.indexOf(c) >= 0 || c == '.' || c == ',' || c == '-';
    }
}
