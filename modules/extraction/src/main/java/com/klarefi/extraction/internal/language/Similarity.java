package com.klarefi.extraction.internal.language;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How well a key on a page says what a label says, in [0, 1]: the share of the label's meaning the
 * key covers, discounted by what the key says beyond it. A unit naming what the value itself is (a
 * date for a date feature) need not be in the key, but a key must say more than such a unit shared
 * by many kinds of value (a number). Qualifiers of the default party weigh little. A key that
 * singles out another party (the other party, a witness) than the label does not name it, nor does
 * a key that says its value is of another kind; a key that names the kind of value alone ("Kenteken")
 * names it for every party, as a label shared by them would. Only an exact label scores 1; meaning
 * alone scores at most {@link #MEANING}.
 */
final class Similarity {
    static final double MEANING = 0.97;
    /** A key of a concept that alone names the main party's values (a closing names the sender). */
    static final double IMPLIED = 0.9;

    private static final double QUALIFIER = 0.2;
    private static final double OTHER_PARTY = 0.3;
    /** A key that says only whose value it is ("Verzekerde") names a feature weakly. */
    private static final double QUALIFIERS_ONLY = 0.5;

    /** What the concepts of a unit do, all together (see lexicon.txt). */
    private record Roles(
            Set<String> types,
            boolean typed,
            boolean generic,
            boolean qualifier,
            boolean distinct,
            boolean party,
            boolean context,
            boolean document,
            Set<String> implies,
            boolean includes,
            boolean owner) {}

    private static final Roles WORD =
            new Roles(Set.of(), false, false, false, false, false, false, false, Set.of(), false, false);

    private final Lexicon lexicon;
    private final Map<Set<String>, Roles> roles = new ConcurrentHashMap<>();

    Similarity(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    double of(Meaning key, Meaning label, String type) {
        if (key.isEmpty() || label.isEmpty()) {
            return 0;
        }
        boolean keyNamesParty =
                key.units().stream().anyMatch(unit -> roles(unit).party());
        double labelWeight = 0;
        double covered = 0;
        boolean coversMoreThanQualifiers = false;
        boolean coversSpecific = false;
        for (Unit unit : label.units()) {
            Roles roles = roles(unit);
            boolean present = key.has(unit);
            // the value says what it is; a key naming the kind of value alone names it for any party
            if (!present && (roles.types().contains(type) || roles.distinct() && !keyNamesParty)) {
                continue;
            }
            labelWeight += weight(unit);
            covered += present ? weight(unit) * key.weightOf(unit) : 0;
            coversMoreThanQualifiers |= present && !roles.qualifier();
            coversSpecific |= present && !roles.generic();
        }
        double keyWeight = 0;
        double explained = 0;
        boolean otherParty = false;
        boolean otherType = false;
        for (Unit unit : key.units()) {
            Roles roles = roles(unit);
            keyWeight += weight(unit);
            boolean inLabel = label.has(unit);
            explained += inLabel || roles.types().contains(type) ? weight(unit) : 0;
            otherParty |= roles.distinct() && !inLabel;
            otherType |= roles.typed()
                    && !inLabel
                    && !roles.types().contains(type)
                    && !roles.types().contains("identifier");
        }
        if (labelWeight == 0 || keyWeight == 0 || !coversSpecific) {
            return 0;
        }
        double similarity = covered / labelWeight * (0.5 + 0.5 * explained / keyWeight);
        if (!coversMoreThanQualifiers) {
            similarity *= QUALIFIERS_ONLY;
        }
        if (otherParty || otherType) {
            similarity *= OTHER_PARTY;
        }
        return Math.min(similarity, MEANING);
    }

    /** A key whose concepts all imply the type (or only qualify) names the main party's value of that type. */
    boolean implies(Meaning key, String type) {
        boolean any = false;
        for (Unit unit : key.units()) {
            Roles roles = roles(unit);
            boolean implying = roles.implies().contains(type);
            if (unit.concepts().isEmpty() || !implying && !roles.qualifier()) {
                return false;
            }
            any |= implying;
        }
        return any;
    }

    /** Whether the meaning names another party or role than the default one. */
    boolean singlesOut(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> roles(unit).distinct());
    }

    /** Whether the meaning names a kind of document (an invoice): its title qualifies the keys below. */
    boolean namesDocument(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> roles(unit).document());
    }

    /** Whether the meaning introduces the company that owns the issuer ("Owned by"). */
    boolean namesOwner(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> roles(unit).owner());
    }

    /** Whether the meaning names a party: another one, or the insured. */
    boolean namesParty(Meaning meaning) {
        return meaning.units().stream().anyMatch(unit -> roles(unit).party());
    }

    /**
     * Whether the key labels context: one of its words does, unless that word stands beside one that
     * says what a value includes ("Total (GST incl.)", "Total Sales (Inclusive GST)": a total, the tax
     * is in it).
     */
    boolean context(Meaning key) {
        List<Unit> units = key.units();
        for (int i = 0; i < units.size(); i++) {
            if (roles(units.get(i)).context()
                    && !(i > 0 && roles(units.get(i - 1)).includes())
                    && !(i + 1 < units.size() && roles(units.get(i + 1)).includes())) {
                return true;
            }
        }
        return false;
    }

    private Roles roles(Unit unit) {
        if (unit.concepts().isEmpty()) {
            return WORD;
        }
        return roles.computeIfAbsent(unit.concepts(), this::roles);
    }

    private Roles roles(Set<String> ids) {
        Set<String> types = new HashSet<>();
        Set<String> implies = new HashSet<>();
        boolean typed = true;
        boolean generic = true;
        boolean qualifier = true;
        boolean distinct = false;
        boolean party = false;
        boolean context = false;
        boolean document = false;
        boolean includes = false;
        boolean owner = false;
        for (String id : ids) {
            Concept concept = lexicon.concept(id);
            types.addAll(concept.types());
            implies.addAll(concept.implies());
            typed &= !concept.types().isEmpty();
            generic &= concept.generic();
            qualifier &= concept.qualifier();
            distinct |= concept.distinct();
            party |= concept.party();
            context |= concept.context();
            document |= concept.document();
            includes |= concept.includes();
            owner |= concept.owner();
        }
        return new Roles(
                Set.copyOf(types),
                typed,
                generic,
                qualifier,
                distinct,
                party,
                context,
                document,
                Set.copyOf(implies),
                includes,
                owner);
    }

    private double weight(Unit unit) {
        return unit.weight() * (roles(unit).qualifier() ? QUALIFIER : 1);
    }
}
