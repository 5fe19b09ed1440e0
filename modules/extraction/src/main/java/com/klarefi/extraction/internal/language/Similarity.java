package com.klarefi.extraction.internal.language;

/**
 * How well a key on a page says what a label says, in [0, 1]: the share of the label's meaning the
 * key covers, discounted by what the key says beyond it. A unit naming what the value itself is (a
 * date for a date feature) need not be in the key; qualifiers of the default party weigh little; a
 * key that singles out another party (the other party, a witness) does not name a feature whose
 * label lacks it, nor does a key that says its value is of another kind. Only an exact label scores 1; meaning alone scores at most {@link #MEANING}.
 */
final class Similarity {
    static final double MEANING = 0.97;
    /** A key of a concept that alone names the main party's values (a closing names the sender). */
    static final double IMPLIED = 0.9;
    private static final double QUALIFIER = 0.2;
    private static final double OTHER_PARTY = 0.3;
    /** A key that says only whose value it is ("Verzekerde") names a feature weakly. */
    private static final double QUALIFIERS_ONLY = 0.6;

    private final Lexicon lexicon;

    Similarity(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    double of(Meaning key, Meaning label, String type) {
        if (key.isEmpty() || label.isEmpty()) {
            return 0;
        }
        double labelWeight = 0;
        double covered = 0;
        boolean coversMoreThanQualifiers = false;
        for (Unit unit : label.units()) {
            boolean present = key.has(unit);
            if (!present && namesType(unit, type)) {
                continue;
            }
            labelWeight += weight(unit);
            covered += present ? weight(unit) * key.weightOf(unit) : 0;
            coversMoreThanQualifiers |= present && !qualifier(unit);
        }
        double keyWeight = 0;
        double explained = 0;
        for (Unit unit : key.units()) {
            keyWeight += weight(unit);
            explained += label.has(unit) || namesType(unit, type) ? weight(unit) : 0;
        }
        if (labelWeight == 0 || keyWeight == 0) {
            return 0;
        }
        double similarity = covered / labelWeight * (0.5 + 0.5 * explained / keyWeight);
        if (!coversMoreThanQualifiers) {
            similarity *= QUALIFIERS_ONLY;
        }
        if (singlesOutAnother(key, label) || namesOtherType(key, label, type)) {
            similarity *= OTHER_PARTY;
        }
        return Math.min(similarity, MEANING);
    }

    /** A key whose concepts all imply the type names the main party's value of that type. */
    boolean implies(Meaning key, String type) {
        boolean any = false;
        for (Unit unit : key.units()) {
            if (unit.concepts().isEmpty()) {
                return false;
            }
            boolean implying = unit.concepts().stream().map(lexicon::concept).anyMatch(c -> c.implies().contains(type));
            boolean qualifying = unit.concepts().stream().map(lexicon::concept).allMatch(Concept::qualifier);
            if (!implying && !qualifying) {
                return false;
            }
            any |= implying;
        }
        return any;
    }

    /** Whether the meaning names another party or role than the default one. */
    boolean singlesOut(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> role(unit, Concept::distinct));
    }

    /** Whether the meaning names a kind of document (an invoice): its title qualifies the keys below. */
    boolean namesDocument(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> role(unit, Concept::document));
    }

    /** Whether the meaning names a party: another one, or the insured. */
    boolean namesParty(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> role(unit, Concept::party));
    }

    /** Whether the key has a context concept (a birth date, a subtotal) the label does not. */
    boolean context(Meaning key, Meaning label) {
        return key.units().stream().anyMatch(unit -> role(unit, Concept::context) && !label.has(unit));
    }

    boolean context(Meaning key) {
        return key.units().stream().anyMatch(unit -> role(unit, Concept::context));
    }

    /**
     * Whether the key says its value is of another kind than the feature's ("Naam" for a plate).
     * Numbers and references are of many kinds and say nothing against any.
     */
    private boolean namesOtherType(Meaning key, Meaning label, String type) {
        return key.units().stream().anyMatch(unit -> !unit.concepts().isEmpty() && !label.has(unit)
                && unit.concepts().stream().map(lexicon::concept)
                        .allMatch(c -> !c.types().isEmpty() && !c.types().contains(type) && !c.types().contains("identifier")));
    }

    private boolean singlesOutAnother(Meaning key, Meaning label) {
        return key.units().stream().anyMatch(unit -> role(unit, Concept::distinct) && !label.has(unit));
    }

    private boolean role(Unit unit, java.util.function.Predicate<Concept> role) {
        return unit.concepts().stream().map(lexicon::concept).anyMatch(role);
    }

    private boolean namesType(Unit unit, String type) {
        return unit.concepts().stream().map(lexicon::concept).anyMatch(c -> c.types().contains(type));
    }

    private double weight(Unit unit) {
        return unit.weight() * (qualifier(unit) ? QUALIFIER : 1);
    }

    private boolean qualifier(Unit unit) {
        return !unit.concepts().isEmpty() && unit.concepts().stream().map(lexicon::concept).allMatch(Concept::qualifier);
    }
}
