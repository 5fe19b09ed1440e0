package com.klarefi.extraction.internal;

import com.klarefi.extraction.internal.layout.PageLayout;
import com.klarefi.extraction.internal.layout.TextLines;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.OcrEdges;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whom a letter or an invoice is addressed to: a name alone on its line, over a street line and a
 * line with a postcode and a town, outside the publisher's letterhead. No label says so; the block's
 * shape does, in any language. On a claim's documents the addressee of an invoice or a letter is
 * usually the insured, so a main party's name may be read there (see {@link PageReader}).
 */
final class Addressees {
    /** A street line: a word of letters and a house number ("Oranjestraat 41", "12 High Street"). */
    private static final Pattern STREET = Pattern.compile(
            "(?u)^(?:\\p{L}[\\p{L}'.-]+(?:\\s+\\p{L}[\\p{L}'.-]*)*\\s+\\d{1,5}(?:\\s?[a-zA-Z])?(?:[-/ ]\\d{1,4})?"
                    + "|\\d{1,5}[a-zA-Z]?,?\\s+\\p{L}[\\p{L}'.-]+(?:\\s+\\p{L}[\\p{L}'.-]*)*)$");
    /** A postcode and a town: "2358 EE Leiden", "10115 Berlin", "75002 Paris", "Leiden 2358 EE". */
    private static final Pattern TOWN = Pattern.compile("(?u)^(?:\\d{4,5}(?:\\s?[A-Z]{2})?\\s+\\p{L}[\\p{L}' .-]+"
            + "|\\p{L}[\\p{L}' .-]+\\s+\\d{4,5}(?:\\s?[A-Z]{2})?)$");
    /** Contact details: a phone, an e-mail or web address, a chamber of commerce or tax number. */
    private static final Pattern CONTACT = Pattern.compile(
            "(?iu)@|www\\.|https?:|^\\+?[\\d() -]{9,}$|(?<!\\p{L})(?:tel|phone|fax|kvk|coc|btw|vat|iban)(?!\\p{L})");

    private Addressees() {}

    /** The names the page addresses, as the person-name recogniser reads them. */
    static List<Match> names(String text, PageLayout layout, Recogniser names) {
        List<int[]> lines = lines(text);
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i + 2 < lines.size(); i++) {
            int[] line = lines.get(i);
            if (!layout.letterhead(line[0]) && !clean(text, line).isEmpty() && addressBelow(text, lines, i + 1)) {
                blocks.add(line);
            }
        }
        // of two blocks, the first heads the page: the publisher's, whose contact details OCR may
        // have set apart from it
        List<Match> found = new ArrayList<>();
        for (int[] line : blocks.size() >= 2 ? blocks.subList(1, blocks.size()) : blocks) {
            names.readAt(text, line[0], line[1])
                    .filter(name -> name.start() == line[0] && name.end() == line[1])
                    .ifPresent(found::add);
        }
        return found;
    }

    /** A street line, then a town line, each within reach, from line {@code from} on. */
    private static boolean addressBelow(String text, List<int[]> lines, int from) {
        int street = next(text, lines, from);
        if (street < 0 || !STREET.matcher(clean(text, lines.get(street))).matches()) {
            return false;
        }
        int town = next(text, lines, street + 1);
        if (town < 0 || !TOWN.matcher(clean(text, lines.get(town))).matches()) {
            return false;
        }
        // the publisher's own block goes on with how to reach it; an addressee's does not
        int after = next(text, lines, town + 1);
        return after < 0 || !CONTACT.matcher(clean(text, lines.get(after))).find();
    }

    /** The next non-blank line at or after {@code from}, past at most one blank line, or -1. */
    private static int next(String text, List<int[]> lines, int from) {
        for (int i = from; i < Math.min(lines.size(), from + 2); i++) {
            if (!clean(text, lines.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String clean(String text, int[] line) {
        return OcrEdges.clean(text.substring(line[0], line[1])).strip();
    }

    /** Each line as {start, end} of its text without surrounding blanks (an empty line keeps its place). */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        for (int[] line : TextLines.of(text)) {
            int from = line[0];
            int to = line[1];
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            lines.add(new int[] {from, to});
        }
        return lines;
    }
}
