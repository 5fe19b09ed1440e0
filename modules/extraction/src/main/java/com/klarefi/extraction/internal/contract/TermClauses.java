package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract's own term among the many periods a contract names. A period is the term when it
 * runs from the agreement's start ("two (2) years from the date hereof", "after the Effective
 * Date") or when its sentence speaks of the agreement's duration ("shall remain in effect for",
 * "shall expire", "the term of"); a period to give notice or to act in ("within thirty days",
 * "upon ten days' prior written notice") is no term.
 */
final class TermClauses {
    /** The period runs from the agreement's own start, not from an employment's end or a disclosure. */
    private static final Pattern FROM_START =
            Pattern.compile("(?i)^[\\s,]*(?:\\(\\d+\\)\\s*)?(?:from|after|following)\\s+(?:the\\s+)?"
                    + "(?:date\\s+(?:hereof|of\\s+(?:this|execution|signing)|first|on\\s+which\\s+this|this)|effective\\s+date"
                    + "|execution|signing|commencement|date\\s+set\\s+forth)");
    /** The sentence speaks of the agreement's (or its obligations') duration. */
    private static final Pattern DURATION_CUE = Pattern.compile(
            "(?i)\\b(?:term|expir\\w*|terminat\\w*|remain\\w*\\s+in\\s+(?:full\\s+)?"
                    + "(?:force|effect)|continue\\w*\\s+in\\s+(?:full\\s+)?(?:force|effect)|in\\s+effect|surviv\\w*|binding)\\b");
    /** Covenants that run for their own period (not to compete, solicit or buy shares) are no term of the agreement. */
    private static final Pattern COVENANT =
            Pattern.compile("(?i)\\b(?:solicit\\w*|compet\\w*|standstill|hire|employ\\w*|acquir\\w*|purchas\\w*)\\b");

    private static final Pattern NOTICE =
            Pattern.compile("(?i)\\b(?:notice|within|prior\\s+to|payment|paid|invoice|cure|receipt\\s+of)\\b");
    private static final Pattern OWN_AGREEMENT =
            Pattern.compile("(?i)\\bthis\\s+(?:\\w+\\s+){0,3}agreement\\b|\\bhereof\\b|\\bhereunder\\b");
    private static final int BEFORE = 160;
    private static final double ANCHORED_AND_CUED = 0.9;
    private static final double ANCHORED = 0.5;
    private static final double CUED = 0.45;
    /** A period in a covenant's sentence keeps this share. */
    private static final double IN_COVENANT = 0.5;
    /**
     * Less is no statement of the term: a covenant's period that does not run from the start, a
     * period in days that only a sentence about duration names (on the training split, 1 in 37 of
     * these was the term).
     */
    private static final double STATED = 0.3;
    /** A term is rarely counted in days; notice periods are. */
    private static final double DAYS = 0.6;

    private TermClauses() {}

    /** Periods of a page whose text runs flat that read as the agreement's term. */
    static List<Statement> read(int page, String flat, Recogniser durations) {
        List<Statement> statements = new ArrayList<>();
        for (Match period : durations.scan(flat)) {
            int sentence = Sentences.start(flat, period.start(), BEFORE);
            String before = flat.substring(sentence, period.start());
            String after = flat.substring(period.end(), Math.min(flat.length(), period.end() + 80));
            String tail = before.length() > 40 ? before.substring(before.length() - 40) : before;
            if (NOTICE.matcher(tail).find()
                    || NOTICE.matcher(after.length() > 30 ? after.substring(0, 30) : after)
                            .find()) {
                continue;
            }
            boolean anchored = FROM_START.matcher(after).lookingAt();
            boolean cued = DURATION_CUE.matcher(before).find();
            int sentenceEnd = Sentences.end(flat, period.end(), period.end() + 300);
            boolean own =
                    OWN_AGREEMENT.matcher(flat.substring(sentence, sentenceEnd)).find();
            String sentenceText = flat.substring(sentence, sentenceEnd);
            double support = (anchored && cued ? ANCHORED_AND_CUED : anchored ? ANCHORED : cued && own ? CUED : 0)
                    * (COVENANT.matcher(sentenceText).find() ? IN_COVENANT : 1);
            if (period.normalized().endsWith("_days") || period.normalized().endsWith("_day")) {
                support *= DAYS;
            }
            if (support >= STATED) {
                statements.add(new Statement(Clause.TERM, page, period.start(), period.end(), support));
            }
        }
        return statements;
    }
}
