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
    PARTIES("parties", EnumSet.of(FeatureType.ORGANIZATION_NAME, FeatureType.PERSON_NAME, FeatureType.TEXT)),
    EFFECTIVE_DATE("effective_date", EnumSet.of(FeatureType.DATE)),
    TERM("term", EnumSet.of(FeatureType.DURATION)),
    GOVERNING_LAW("governing_law", EnumSet.of(FeatureType.PLACE, FeatureType.COUNTRY));

    private final String lexiconName;
    private final Set<FeatureType> types;

    Clause(String lexiconName, Set<FeatureType> types) {
        this.lexiconName = lexiconName;
        this.types = types;
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
