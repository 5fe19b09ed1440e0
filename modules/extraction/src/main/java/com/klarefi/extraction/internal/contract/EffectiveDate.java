package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The date a contract takes effect: the date its opening sentence gives ("dated as of", "effective
 * as of", "made and entered into on this 6th day of"), or a date that defines the term "Effective
 * Date" wherever it stands.
 */
final class EffectiveDate {
    private static final Pattern DEFINES = Pattern.compile("^\\s*\\(\\s*(?:the\\s+|this\\s+)?[“\"”]?\\s*Effective\\s+Date",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRODUCED = Pattern.compile("(?i)\\b(?:as\\s+of|dated|effective|made|entered|executed|on|this)\\b\\W*"
            + "(?:\\w+\\W+){0,2}$");
    private static final double DEFINED = 0.95;
    private static final double OPENING = 0.9;
    private static final double IN_OPENING = 0.7;
    /** Only the first pages define the effective date. */
    private static final int PAGES = 2;

    private EffectiveDate() {
    }

    /** The opening sentence's date of effect, else the first date there. */
    static Optional<Statement> inPreamble(int page, Preamble preamble, Recogniser dates) {
        String flat = preamble.text();
        for (Match date : dates.scan(flat.substring(preamble.start(), preamble.end()))) {
            int start = preamble.start() + date.start();
            int end = preamble.start() + date.end();
            String before = flat.substring(Math.max(preamble.start(), start - 40), start);
            double support = defines(flat, end) ? DEFINED : INTRODUCED.matcher(before).find() ? OPENING : IN_OPENING;
            return Optional.of(new Statement(Clause.EFFECTIVE_DATE, page, start, end, support));
        }
        return Optional.empty();
    }

    /** Dates that define "Effective Date" on the first pages. */
    static List<Statement> defined(int page, String flat, Recogniser dates) {
        if (page >= PAGES) {
            return List.of();
        }
        return dates.scan(flat).stream().filter(date -> defines(flat, date.end()))
                .map(date -> new Statement(Clause.EFFECTIVE_DATE, page, date.start(), date.end(), DEFINED)).toList();
    }

    private static boolean defines(String flat, int end) {
        return DEFINES.matcher(flat.substring(end, Math.min(flat.length(), end + 40))).find();
    }
}
