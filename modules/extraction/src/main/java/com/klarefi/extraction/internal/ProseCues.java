package com.klarefi.extraction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cue phrase in a sentence ties further values of a list: "between X, a Delaware
 * corporation, and Y" names X right after the cue and Y after the "and" that joins them. The
 * places after each joining word up to the end of the sentence are read like the place right after
 * the cue, so a list feature (the parties) collects every value the sentence names.
 */
final class ProseCues {
    private static final Pattern JOIN = Pattern.compile("(?U)\\s(?:and|&|en|und|et)\\s+|;\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+\\p{Lu}[\\p{Ll}]|\\n\\s*\\n");
    private static final int REACH = 400;
    /** The support of a value a joining word ties to the cue: as if it stood right after the cue. */
    static final double JOINED = 0.85;

    private ProseCues() {}

    /** Spans {@code [start, end)} after the joining words of the cue's sentence. */
    static List<int[]> joinedSpans(String text, int cueEnd) {
        int limit = Math.min(text.length(), cueEnd + REACH);
        Matcher end = SENTENCE_END.matcher(text).region(cueEnd, limit);
        if (end.find()) {
            limit = end.start() + 1;
        }
        List<int[]> spans = new ArrayList<>();
        Matcher join = JOIN.matcher(text).region(cueEnd, limit);
        while (join.find()) {
            spans.add(new int[] {join.end(), limit});
        }
        return spans;
    }
}
