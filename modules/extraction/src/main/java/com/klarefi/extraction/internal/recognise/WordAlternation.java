package com.klarefi.extraction.internal.recognise;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A regular expression for "one of these words, the longest that fits", for patterns compiled
 * case-insensitively with Unicode case ({@code (?iu)}). The plain form, every word quoted and
 * joined longest first, makes the matcher try each word in turn at every place a date could start:
 * with two hundred month and weekday names in seven languages that is most of the date
 * recogniser's time. The same words as a prefix tree ({@code ja(?:n(?:uary|...)?|...)}) try one
 * branch per character instead.
 *
 * <p>Both forms match the same text with the same preference. The words that fit at a place are
 * all prefixes of the text there, so they lie on one path of the tree; the tree tries a longer
 * continuation before ending a word, which is the plain form's longest first, and backtracks to
 * the shorter words in the same order. Characters are grouped as such a pattern compares them
 * (upper-cased, then lower-cased), so two spellings that it cannot tell apart share a branch.
 */
final class WordAlternation {
    private final Map<Integer, WordAlternation> next = new TreeMap<>();
    private final Map<Integer, Integer> spelling = new TreeMap<>();
    private boolean ends;

    private WordAlternation() {}

    /** The words as one alternation, longest first, ties in natural order; words under two characters left out. */
    static String plain(Collection<String> words) {
        return words.stream()
                .filter(word -> word.length() >= 2)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** The same words and the same matches as {@link #plain}, as a prefix tree. */
    static String tree(Collection<String> words) {
        WordAlternation root = new WordAlternation();
        words.stream().filter(word -> word.length() >= 2).forEach(root::add);
        return root.regex();
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

    private String regex() {
        if (next.isEmpty()) {
            return "";
        }
        StringBuilder branches = new StringBuilder();
        next.forEach((folded, child) -> branches.append(branches.isEmpty() ? "" : "|")
                .append(Pattern.quote(Character.toString(spelling.get(folded))))
                .append(child.regex()));
        boolean single = next.size() == 1;
        if (ends) {
            return "(?:" + branches + ")?";
        }
        return single ? branches.toString() : "(?:" + branches + ")";
    }
}
