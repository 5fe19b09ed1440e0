package com.klarefi.extraction.internal.language;

import java.util.Set;

/**
 * One unit of meaning of a text, at characters {@code [start, end)}: the lexicon concepts a word or
 * phrase stands for, or, for a word the lexicon does not know, its stems in every language.
 * {@code weight} is lower for words in parentheses, which qualify rather than name.
 */
record Unit(Set<String> concepts, Set<String> stems, double weight, int start, int end) {
    Unit {
        concepts = Set.copyOf(concepts);
        stems = Set.copyOf(stems);
    }

    /** The same concept, or for unknown words a shared stem. */
    boolean sameAs(Unit other) {
        if (!concepts.isEmpty() || !other.concepts.isEmpty()) {
            return shares(concepts, other.concepts);
        }
        return shares(stems, other.stems);
    }

    /** Asked for every pair of units a key and a label have: a plain loop, no stream. */
    private static boolean shares(Set<String> some, Set<String> others) {
        for (String item : some) {
            if (others.contains(item)) {
                return true;
            }
        }
        return false;
    }
}
