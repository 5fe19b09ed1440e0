package com.klarefi.extraction.internal.layout;

import com.klarefi.extraction.internal.language.WordAlternation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive alternation of phrases, split by the phrases' first character compared the
 * way such a pattern compares it (upper-cased, then lower-cased). Matching is tried only where a
 * phrase can start, and there only with the phrases of that first character, as a prefix tree
 * ({@link WordAlternation}): the same match as the whole alternation of the phrases longest first,
 * without trying hundreds of labels at every character.
 */
final class PhraseIndex {
    private final Map<Character, Pattern> byInitial = new HashMap<>();
    private final Pattern whole;
    private final boolean everywhere;

    /**
     * @param phrases words with one space between them, a space standing for any run of white
     *                space; where several match at a position, the longest wins
     * @param prefix  the pattern's flags and look-behind, put before the alternation
     */
    PhraseIndex(List<String> phrases, String prefix) {
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
        grouped.forEach((initial, group) -> byInitial.put(initial, compile(prefix, group)));
        this.whole = compile(prefix, phrases);
        this.everywhere = unknown;
    }

    private static Pattern compile(String prefix, List<String> phrases) {
        return Pattern.compile(prefix + "(?:" + WordAlternation.phrases(phrases) + ")");
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
