package com.klarefi.extraction.internal.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseTypes;
import org.junit.jupiter.api.Test;

/** A cue that the company after it owns the document's issuer, in the lexicon's languages. */
class OwnerCueTest {
    private final FeatureMatcher matcher = new FeatureMatcher(
            CaseTypes.builtIn().stream()
                    .filter(type -> type.id().equals("receipt"))
                    .findFirst()
                    .orElseThrow(),
            Lexicon.standard());

    @Test
    void ownedByAndItsKinIntroduceTheOwner() {
        assertThat(matcher.namesOwner("Owned By:")).isTrue();
        assertThat(matcher.namesOwner("Operated by")).isTrue();
        assertThat(matcher.namesOwner("Eigendom van")).isTrue();
        assertThat(matcher.namesOwner("Betrieben von")).isTrue();
    }

    @Test
    void aCompanysOwnKeysAndOtherWordsDoNot() {
        assertThat(matcher.namesOwner("Company")).isFalse();
        assertThat(matcher.namesOwner("Branch:")).isFalse();
        assertThat(matcher.namesOwner("TAX INVOICE")).isFalse();
        assertThat(matcher.namesOwner("")).isFalse();
    }
}
