package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values one regular expression finds and one function normalises: KvK numbers, postcodes,
 * durations and identifiers with a configured pattern. A normaliser returning null rejects.
 */
final class PatternRecogniser implements Recogniser {
    private final Pattern pattern;
    private final Function<Matcher, String> normaliser;
    private final double strength;

    PatternRecogniser(Pattern pattern, Function<Matcher, String> normaliser, double strength) {
        this.pattern = pattern;
        this.normaliser = normaliser;
        this.strength = strength;
    }

    @Override
    public List<Match> scan(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String normalized = normaliser.apply(matcher);
            if (normalized != null) {
                matches.add(new Match(matcher.start(), matcher.end(), normalized, strength));
            }
        }
        return matches;
    }
}
