package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive alternation of phrases, split by the phrases' first character compared the
 * way such a pattern compares it (upper-cased, then lower-cased). Matching is tried only where a
 * phrase can start, and there only with the phrases of that first character, in their given order:
 * the same match as the whole alternation, without trying hundreds of labels at every character.
 */
final class PhraseIndex {
    private final Map<Character, Pattern> byInitial = new HashMap<>();
    private final Pattern whole;
    private final boolean everywhere;

    /**
     * @param phrases in order of preference (the first that matches at a position wins)
     * @param prefix  the pattern's flags and look-behind, put before the alternation
     * @param regexOf a phrase's regular expression
     */
    PhraseIndex(List<String> phrases, String prefix, Function<String, String> regexOf) {
        Map<Character, List<String>> grouped = new HashMap<>();
        boolean unknown = false;
        for (String phrase : phrases) {
            if (phrase.isEmpty() || Character.isSurrogate(phrase.charAt(0))) {
                unknown = true;
            } else {
                grouped.computeIfAbsent(fold(phrase.charAt(0)), c -> new ArrayList<>())
                        .add(phrase);
            }
        }
        grouped.forEach((initial, group) -> byInitial.put(initial, compile(prefix, group, regexOf)));
        this.whole = compile(prefix, phrases, regexOf);
        this.everywhere = unknown;
    }

    private static Pattern compile(String prefix, List<String> phrases, Function<String, String> regexOf) {
        StringBuilder regex = new StringBuilder(prefix).append("(?:");
        for (int i = 0; i < phrases.size(); i++) {
            regex.append(i == 0 ? "" : "|").append(regexOf.apply(phrases.get(i)));
        }
        return Pattern.compile(regex.append(")").toString());
    }

    /** The first index at or after {@code from} where a phrase may start, or -1. */
    int next(String text, int from) {
        for (int index = Math.max(0, from); index < text.length(); index++) {
            char c = text.charAt(index);
            if (everywhere || Character.isSurrogate(c) || byInitial.containsKey(fold(c))) {
                return index;
            }
        }
        return -1;
    }

    /** A matcher on the phrase that starts exactly at {@code index}, or null if none does. */
    Matcher matchAt(String text, int index) {
        char c = text.charAt(index);
        Pattern pattern = everywhere || Character.isSurrogate(c) ? whole : byInitial.get(fold(c));
        if (pattern == null) {
            return null;
        }
        // Transparent bounds let a look-behind in the prefix see the text before the region.
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).region(index, text.length());
        return matcher.lookingAt() ? matcher : null;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
