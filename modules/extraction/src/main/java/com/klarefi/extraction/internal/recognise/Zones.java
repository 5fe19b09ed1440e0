package com.klarefi.extraction.internal.recognise;

import com.klarefi.extraction.api.Zone;
import java.util.regex.Pattern;

/**
 * The zone of a position in a page's text, judged from the text alone so that OCR'd and typeset
 * pages read alike: the header is the top of the first page up to the first line that carries a
 * date (in figures or with its month in words) or an amount, at most {@value #HEADER_LINES} non-blank lines (letterhead, a receipt's shop
 * name and address: what the issuer prints about itself before the business of the page starts);
 * the footer the last {@value #FOOTER_LINES} non-blank lines of any page after its last such line
 * (a receipt prints its date last: business, not small print); the body everything between. Lines are counted only when they say something (a word of three letters, a number of
 * three digits): the specks and edges OCR reads at the top of a scan ("|", "on 26") push no
 * letterhead line out of the header.
 */
public final class Zones {
    static final int HEADER_LINES = 8;
    static final int FOOTER_LINES = 3;

    /**
     * A date or an amount: a numeric date, a date with its month in words ("12 Jun 2018", "24 Mar-2018",
     * "June 12, 2018"), or two decimals.
     */
    private static final Pattern BUSINESS = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d[.,]\\d{2}(?!\\d)"
            + "|(?<!\\d)\\d{1,2}[ .-]+\\p{L}{3,9}\\.?[ .,-]+(?:19|20)\\d{2}(?!\\d)"
            + "|\\p{L}{3,9}\\.? \\d{1,2},? (?:19|20)\\d{2}(?!\\d)");

    /** A line that says something: a word of three letters or a number of three digits. */
    private static final Pattern CONTENT = Pattern.compile("\\p{L}{3}|\\d{3}");

    private final int[] nonBlankLineOf;
    private int headerLines = HEADER_LINES;
    private final int nonBlankLines;
    /** The last non-blank line with a date or an amount: the page's business goes on to it. */
    private final int lastBusinessLine;

    private final boolean firstPage;

    public Zones(String text, boolean firstPage) {
        this.firstPage = firstPage;
        nonBlankLineOf = new int[text.length() + 1];
        int line = -1;
        int lastBusinessLine = -1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (CONTENT.matcher(text.substring(lineStart, i)).find()) {
                    line++;
                    if (BUSINESS.matcher(text.substring(lineStart, i)).find()) {
                        headerLines = Math.min(headerLines, line);
                        lastBusinessLine = line;
                    }
                }
                for (int j = lineStart; j <= i && j < nonBlankLineOf.length; j++) {
                    nonBlankLineOf[j] = Math.max(line, 0);
                }
                lineStart = i + 1;
            }
        }
        nonBlankLines = line + 1;
        this.lastBusinessLine = lastBusinessLine;
    }

    /** The non-blank line (0-based) holding a character. */
    public int line(int position) {
        return nonBlankLineOf[Math.min(Math.max(position, 0), nonBlankLineOf.length - 1)];
    }

    public Zone zone(int position) {
        int line = line(position);
        if (firstPage && line < headerLines) {
            return Zone.HEADER;
        }
        return line >= nonBlankLines - FOOTER_LINES && line > lastBusinessLine && nonBlankLines > HEADER_LINES
                ? Zone.FOOTER
                : Zone.BODY;
    }
}
