package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.internal.language.Lexicon;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A clause of a contract whose value the contract's structure states. A feature reads a clause when
 * its labels (or its id) mean the clause by the lexicon ({@code clause=} roles: "Party", "Term",
 * "Jurisdiction", "Looptijd") and its type can hold the clause's value.
 */
public enum Clause {
    PARTIES("parties", EnumSet.of(FeatureType.ORGANIZATION_NAME, FeatureType.PERSON_NAME, FeatureType.TEXT), true),
    EFFECTIVE_DATE("effective_date", EnumSet.of(FeatureType.DATE), true),
    TERM("term", EnumSet.of(FeatureType.DURATION), false),
    GOVERNING_LAW("governing_law", EnumSet.of(FeatureType.PLACE, FeatureType.COUNTRY), true);

    private final String lexiconName;
    private final Set<FeatureType> types;
    private final boolean labelledInProse;

    Clause(String lexiconName, Set<FeatureType> types, boolean labelledInProse) {
        this.lexiconName = lexiconName;
        this.types = types;
        this.labelledInProse = labelledInProse;
    }

    /**
     * Whether a label in an agreement's prose may point at the clause's value where its structure
     * states none. Not for the term: an agreement names many periods, and "term" in its sentences
     * means much else ("the terms hereof", "during the term of employment").
     */
    public boolean labelledInProse() {
        return labelledInProse;
    }

    /** The clause a feature reads, if its labels name one and its type fits the clause's value. */
    public static Optional<Clause> of(FeatureDefinition feature, Lexicon lexicon) {
        return Stream.concat(Stream.of(feature.id().replace('_', ' ')), feature.allLabels().stream())
                .map(lexicon::clauseOf)
                .flatMap(name -> Stream.of(values()).filter(clause -> clause.lexiconName.equals(name)))
                .filter(clause -> clause.types.contains(feature.type()))
                .findFirst();
    }
}
