package com.klarefi.extraction.internal.language;

import java.util.Set;

/**
 * A concept of the lexicon and its roles (see lexicon.txt): the feature types whose values it names,
 * whether it only qualifies (whose value), singles out another party, labels context, or alone names
 * the main party's values of some types, names a clause of a contract (its parties, its term),
 * names the document's issuer, or names a value printed as a block of lines, and the format its
 * identifiers are written in (a flight number's). A distinct concept is always a party. A concept that
 * {@code includes} says what a value takes in ("incl.", "inclusive of"): the context beside it (a tax)
 * is what the value includes, not what the key names. A {@code sum} names what a bill's own arithmetic
 * adds up to (its total); an {@code owner} cue introduces the company that owns the issuer ("Owned by").
 */
record Concept(
        String id,
        Set<String> types,
        boolean generic,
        boolean qualifier,
        boolean distinct,
        boolean party,
        boolean document,
        boolean context,
        Set<String> implies,
        String clause,
        boolean issuer,
        boolean block,
        String format,
        boolean includes,
        boolean sum,
        boolean owner) {
    Concept {
        types = Set.copyOf(types);
        implies = Set.copyOf(implies);
    }
}
