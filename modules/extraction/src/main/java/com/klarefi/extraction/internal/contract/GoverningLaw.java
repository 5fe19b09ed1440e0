package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The governing-law clause: "This Agreement shall be governed by and construed in accordance with
 * the laws of the State of New York". The place right after "laws of" in a sentence that says the
 * agreement is governed or construed by them is the jurisdiction; a "laws of" elsewhere (a company
 * "organized under the laws of Delaware") names a place less surely.
 */
final class GoverningLaw {
    private static final Pattern LAWS_OF = Pattern.compile(
            "(?i)\\blaws?\\s+of\\s+(?:the\\s+)?(?:(?:State|Commonwealth|Province|Republic|Kingdom)\\s+of\\s+)?");
    private static final Pattern GOVERNS =
            Pattern.compile("(?i)\\b(?:govern\\w*|constru\\w*|interpret\\w*|enforc\\w*|jurisdiction)\\b");
    private static final Pattern ORGANISED = Pattern.compile("(?i)\\b(?:organi[sz]ed|incorporated|existing|formed)\\b");
    private static final double GOVERNED = 0.9;
    private static final int BEFORE = 200;

    private GoverningLaw() {}

    static List<Statement> read(int page, String flat, Recogniser places) {
        List<Statement> statements = new ArrayList<>();
        Matcher laws = LAWS_OF.matcher(flat);
        while (laws.find()) {
            int sentence = Sentences.start(flat, laws.start(), BEFORE);
            String before = flat.substring(sentence, laws.start());
            if (!GOVERNS.matcher(before).find() || ORGANISED.matcher(before).find()) {
                continue;
            }
            Optional<Match> place = places.readAt(flat, laws.end(), Math.min(flat.length(), laws.end() + 60))
                    .filter(match -> match.start() == laws.end());
            place.ifPresent(match ->
                    statements.add(new Statement(Clause.GOVERNING_LAW, page, match.start(), match.end(), GOVERNED)));
        }
        return statements;
    }
}
