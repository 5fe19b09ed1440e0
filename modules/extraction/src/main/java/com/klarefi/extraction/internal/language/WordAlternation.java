package com.klarefi.extraction.internal.language;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A regular expression for "one of these words, the longest that fits", for patterns compiled
 * case-insensitively with Unicode case ({@code (?iu)}). The plain form, every word quoted and
 * joined longest first, makes the matcher try each word in turn at every place one could start:
 * with two hundred month and weekday names, or a case type's labels, that was most of the time
 * the date recogniser and the label finder took. The same words as a prefix tree
 * ({@code ma(?:art|r(?:ch)?|y)?}) try one branch per character instead.
 *
 * <p>Both forms match the same text with the same preference. The words that fit at a place are
 * all prefixes of the text there, so they lie on one path of the tree; the tree tries a longer
 * continuation before ending a word, which is the plain form's longest first, and backtracks to
 * the shorter words in the same order. Characters are grouped as such a pattern compares them
 * (upper-cased, then lower-cased), so two spellings that it cannot tell apart share a branch.
 */
public final class WordAlternation {
    private static final int SPACE = ' ';

    private final Map<Integer, WordAlternation> next = new TreeMap<>();
    private final Map<Integer, Integer> spelling = new TreeMap<>();
    private boolean ends;

    private WordAlternation() {}

    /** The words, every character as itself. */
    public static String literal(Collection<String> words) {
        return tree(words, false);
    }

    /**
     * Phrases of words with one space between them, each space standing for a run of white space
     * ({@code \s+}), as {@code word\s+word} alternatives longest first would match them.
     */
    public static String phrases(Collection<String> phrases) {
        return tree(phrases, true);
    }

    private static String tree(Collection<String> words, boolean spaced) {
        WordAlternation root = new WordAlternation();
        words.forEach(root::add);
        return root.regex(spaced);
    }

    private void add(String word) {
        WordAlternation node = this;
        for (int codePoint : word.codePoints().toArray()) {
            int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
            node.spelling.putIfAbsent(folded, codePoint);
            node = node.next.computeIfAbsent(folded, key -> new WordAlternation());
        }
        node.ends = true;
    }

    private String regex(boolean spaced) {
        if (next.isEmpty()) {
            return "";
        }
        StringBuilder branches = new StringBuilder();
        next.forEach((folded, child) -> {
            int codePoint = spelling.get(folded);
            branches.append(branches.isEmpty() ? "" : "|")
                    .append(spaced && codePoint == SPACE ? "\\s+" : Pattern.quote(Character.toString(codePoint)))
                    .append(child.regex(spaced));
        });
        if (ends) {
            return "(?:" + branches + ")?";
        }
        return next.size() == 1 ? branches.toString() : "(?:" + branches + ")";
    }
}
