package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses printed as a block of lines: a street line ("Lot 1626, Jalan Besar", "12 Main
 * Street"), more lines of the same block, and a line with a postcode and a town; the block ends at
 * a blank line or at a line that is something else (a phone, a tax number, a web address, a date);
 * before its postcode, one blank line that OCR leaves between lines standing apart does not end it,
 * nor does a line of any other words right above the postcode's line. Normalised
 * as the lines as printed, without OCR's edge glyphs (see {@link OcrEdges}), joined by single spaces.
 */
final class AddressRecogniser implements Recogniser {
    /**
     * Words that make a line a street or building line, in the languages of the documents we read,
     * with their usual abbreviations (Malay "Jln" for jalan, "Tmn" for taman).
     */
    private static final Pattern STREET =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:jalan|jln|lorong|persiaran|taman|tmn|lebuh|lebuhraya|kampung|lot|no"
                    + "|unit|level|floor|blok|block|bangunan|kawasan|seksyen|street|st|road|rd|avenue|ave|lane|drive|dr|way"
                    + "|boulevard|blvd|suite|building|box|straat|weg|laan|plein|gracht|kade|strasse|straße|str|platz|gasse"
                    + "|rue|avenue|chemin|via|viale|piazza|calle|avenida|plaza)(?![\\p{L}])");
    /** A postcode standing alone: 4 to 6 digits, or the Dutch 1234 AB. */
    private static final Pattern POSTCODE =
            Pattern.compile("(?<![\\d\\p{L}/-])(?:\\d{4,6}|\\d{4} ?[A-Z]{2})(?![\\d\\p{L}/-])");
    /** What an address line never holds: contact and tax details, dates and times, amounts. */
    private static final Pattern OTHER = Pattern.compile("(?iu)(?<![\\p{L}])(?:tel|telefoon|phone|fax|gst|vat|btw|reg"
            + "|roc|co\\.?\\s*no|company\\s*no|e-?mail|www|http|invoice|receipt|cashier|date|datum|time)(?![\\p{L}])"
            + "|@|://|\\d{1,2}[:/.-]\\d{2}[:/.-]\\d{2,4}|\\d{1,2}:\\d{2}|\\d+[.,]\\d{2}(?!\\d)");

    /**
     * A street word right before a number, perhaps with a short code of the lot's kind between them
     * ("Lot P.T. 2811", "Lot PTD 198718"): the number is the lot's or the house's, not a postcode.
     */
    private static final Pattern STREET_BEFORE =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:lot|no|unit|blok|block|box)\\.?(?:[ \t]+[\\p{L}.]{1,4}){0,2}[ \t]*$");

    private static final int MAX_LINES = 5;

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            if (street(text.substring(lineStart, lineEnd))) {
                Optional<Match> block = block(text, OcrEdges.skipLeading(text, lineStart, lineEnd));
                if (block.isPresent()) {
                    matches.add(block.get());
                    lineStart = Math.min(text.length(), block.get().end() + 1);
                    continue;
                }
            }
            lineStart = lineEnd + 1;
        }
        return matches;
    }

    @Override
    public Optional<Match> readAt(String text, int from, int to) {
        int start = OcrEdges.skipLeading(text, from, Math.max(from, Math.min(to, lineEnd(text, from))));
        return start < text.length() && !Character.isWhitespace(text.charAt(start))
                ? block(text, start)
                : Optional.empty();
    }

    /** The block of address lines starting at {@code start}; it must hold a postcode or two lines. */
    private static Optional<Match> block(String text, int start) {
        List<String> lines = new ArrayList<>();
        int end = start;
        int position = start;
        boolean postcode = false;
        while (position < text.length() && lines.size() < MAX_LINES) {
            int lineEnd = lineEnd(text, position);
            String line = OcrEdges.clean(text.substring(position, lineEnd));
            if (line.isEmpty() && !lines.isEmpty() && !postcode) {
                // OCR leaves blank lines inside a block whose lines stand apart: look past one
                int next = lineEnd + 1;
                if (next < text.length()
                        && !text.substring(next, lineEnd(text, next)).isBlank()) {
                    position = next;
                    continue;
                }
            }
            if (line.isEmpty()
                    || OTHER.matcher(line).find()
                    || (postcode && !street(line) && lines.size() > 1 && !continuation(line))) {
                break;
            }
            boolean hasPostcode = postcode(line);
            if (!street(line) && !hasPostcode && !continuation(line) && !(!postcode && beforePostcode(text, lineEnd))) {
                break;
            }
            lines.add(line);
            end = lineEnd;
            postcode |= hasPostcode;
            position = lineEnd + 1;
        }
        // a closing comma joins nothing; a final dot is printed as part of the address ("Selangor.")
        while (end > start && ",;".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (lines.isEmpty() || !postcode && lines.size() < 2) {
            return Optional.empty();
        }
        String value = String.join(" ", lines).replaceAll("\\s+", " ").replaceAll("[,;]$", "");
        return Optional.of(new Match(start, end, value, postcode ? 1.0 : 0.7));
    }

    /**
     * Whether the line after the one ending at {@code lineEnd} holds a postcode: a line of the block
     * that is neither a street nor a town ("11 1/4 Miles Cheras,") still belongs to it before its
     * postcode line.
     */
    private static boolean beforePostcode(String text, int lineEnd) {
        int next = lineEnd + 1;
        if (next >= text.length()) {
            return false;
        }
        String line = OcrEdges.clean(text.substring(next, lineEnd(text, next)));
        return postcode(line) && !OTHER.matcher(line).find();
    }

    /** Whether a line holds a postcode: a number of its form that no street word numbers ("Lot 26151"). */
    private static boolean postcode(String line) {
        Matcher postcode = POSTCODE.matcher(line);
        while (postcode.find()) {
            Matcher before = STREET_BEFORE.matcher(line.substring(0, postcode.start()));
            if (!before.find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean street(String line) {
        return STREET.matcher(line).find()
                && line.chars().anyMatch(Character::isDigit)
                && !OTHER.matcher(line).find();
    }

    /** A line of a town, region or building: a few words of letters. */
    private static boolean continuation(String line) {
        String[] words = line.split("\\s+");
        long letters = line.chars().filter(Character::isLetter).count();
        return words.length <= 5
                && letters >= 3
                && letters >= 0.7 * line.replace(" ", "").length();
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
