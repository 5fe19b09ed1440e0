package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The date a contract takes effect: the date its opening sentence gives ("dated as of", "effective
 * as of", "made and entered into on this 6th day of"), or a date that defines the term "Effective
 * Date" wherever it stands. An agreement that states neither is dated where it is signed ("IN
 * WITNESS WHEREOF, the parties have executed this Agreement as of March 27, 2003", "Accepted and
 * agreed as of") or, as a letter agreement, by the date line that heads its first page.
 */
final class EffectiveDate {
    private static final Pattern DEFINES =
            Pattern.compile("^\\s*\\(\\s*(?:the\\s+|this\\s+)?[“\"”]?\\s*Effective\\s+Date", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRODUCED = Pattern.compile(
            "(?i)\\b(?:as\\s+of|dated|effective|made|entered|executed|on|this)\\b\\W*" + "(?:\\w+\\W+){0,2}$");
    /** Signing words before the date of a signature sentence. */
    private static final Pattern SIGNED = Pattern.compile("(?i)\\b(?:execut\\w*|accepted|agreed|signed)\\b");
    /** A line that is a date and nothing else, as a letter's date line. */
    private static final Pattern LINE_END = Pattern.compile("[\\s,.]*(?:\\n|$)");

    private static final double DEFINED = 0.95;
    /**
     * A date the signature sentence gives: the agreement's date when nothing earlier states one.
     * Right about two times in three on the training split (an amendment's or a countersignature's
     * date is another): a value for review, not to keep.
     */
    private static final double SIGNED_AS_OF = 0.6;
    /** The date line heading a letter agreement: as sure as the date of signing. */
    private static final double LETTER = SIGNED_AS_OF;
    /** A letter's date line stands among its first lines. */
    private static final int LETTER_LINES = 15;

    private static final double OPENING = 0.9;
    private static final double IN_OPENING = 0.7;
    /** Only the first pages define the effective date. */
    private static final int PAGES = 2;

    private EffectiveDate() {}

    /** The opening sentence's date of effect, else the first date there. */
    static Optional<Statement> inPreamble(int page, Preamble preamble, Recogniser dates) {
        String flat = preamble.text();
        for (Match date : dates.scan(flat.substring(preamble.start(), preamble.end()))) {
            int start = preamble.start() + date.start();
            int end = preamble.start() + date.end();
            String before = flat.substring(Math.max(preamble.start(), start - 40), start);
            double support =
                    defines(flat, end) ? DEFINED : INTRODUCED.matcher(before).find() ? OPENING : IN_OPENING;
            return Optional.of(new Statement(Clause.EFFECTIVE_DATE, page, start, end, support));
        }
        return Optional.empty();
    }

    /** Dates that define "Effective Date" on the first pages. */
    static List<Statement> defined(int page, String flat, Recogniser dates) {
        if (page >= PAGES) {
            return List.of();
        }
        return dates.scan(flat).stream()
                .filter(date -> defines(flat, date.end()))
                .map(date -> new Statement(Clause.EFFECTIVE_DATE, page, date.start(), date.end(), DEFINED))
                .toList();
    }

    private static boolean defines(String flat, int end) {
        return DEFINES.matcher(flat.substring(end, Math.min(flat.length(), end + 40)))
                .find();
    }

    /** The dates that signature sentences give ("have executed this Agreement as of ..."). */
    static List<Statement> signed(int page, String flat, Recogniser dates) {
        return dates.scan(flat).stream()
                .filter(date -> {
                    String before = flat.substring(Math.max(0, date.start() - 40), date.start());
                    String sentence = flat.substring(Sentences.start(flat, date.start(), 160), date.start());
                    return INTRODUCED.matcher(before).find()
                            && SIGNED.matcher(sentence).find();
                })
                .map(date -> new Statement(Clause.EFFECTIVE_DATE, page, date.start(), date.end(), SIGNED_AS_OF))
                .toList();
    }

    /** The date line heading the page of this text: a date alone on one of its first lines. */
    static Optional<Statement> letterDate(int page, String text, Recogniser dates) {
        int lines = 0;
        int lineStart = 0;
        while (lineStart < text.length() && lines < LETTER_LINES) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(lineStart, lineEnd);
            int offset = lineStart;
            Optional<Statement> alone = dates.scan(line).stream()
                    .filter(date -> line.substring(0, date.start()).isBlank()
                            && LINE_END.matcher(line.substring(date.end())).matches())
                    .findFirst()
                    .map(date -> new Statement(
                            Clause.EFFECTIVE_DATE, page, offset + date.start(), offset + date.end(), LETTER));
            if (alone.isPresent()) {
                return alone;
            }
            lines += line.isBlank() ? 0 : 1;
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }
}
