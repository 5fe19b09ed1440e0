package com.klarefi.extraction.internal.language;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lexicon's word that a word it does not know was most likely printed as, where OCR misread one
 * character of it: a letter read as another of the same shape ("Saies" for "Sales", "inclusiva" for
 * "inclusive"), or a letter lost or added at the word's edge ("Tota]" read as "Tota" for "Total").
 * Only where exactly one word of the vocabulary is that close, and only for words of
 * {@value #SHORTEST} letters or more read as a word of {@value #SHORTEST_TARGET} or more: shorter
 * words have too many neighbours to tell which was meant. Letters of different shapes are never
 * taken for each other, so a real word the lexicon lacks ("privé") is not read as one it has
 * ("price"). Results are cached.
 */
final class Misreadings {
    static final int SHORTEST = 4;
    static final int SHORTEST_TARGET = 5;
    private static final int CACHE = 20_000;
    /** Letters whose printed shapes OCR takes for each other: thin strokes, round bowls, arches, tails. */
    private static final String[] SHAPES = {"ilj", "tf", "aeocu", "nhm", "bh", "gq", "vy"};

    private final Set<String> vocabulary = new TreeSet<>();

    private final Map<String, Optional<String>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > CACHE;
        }
    };

    Misreadings(Collection<String> words) {
        for (String word : words) {
            if (word.length() >= SHORTEST_TARGET && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                vocabulary.add(word);
            }
        }
    }

    /** The one vocabulary word {@code folded} (lower case, no accents) is a misreading of, if there is exactly one. */
    synchronized Optional<String> meant(String folded) {
        if (folded.length() < SHORTEST
                || vocabulary.contains(folded)
                || !folded.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(folded, this::search);
    }

    private Optional<String> search(String word) {
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < word.length(); i++) {
            for (char other : alike(word.charAt(i)).toCharArray()) {
                if (other != word.charAt(i)) {
                    found.add(word.substring(0, i) + other + word.substring(i + 1));
                }
            }
        }
        for (char letter = 'a'; letter <= 'z'; letter++) {
            found.add(word + letter);
            found.add(letter + word);
        }
        found.add(word.substring(1));
        found.add(word.substring(0, word.length() - 1));
        found.retainAll(vocabulary);
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static String alike(char letter) {
        for (String shape : SHAPES) {
            if (shape.indexOf(letter) >= 0) {
                return shape;
            }
        }
        return "";
    }
}
