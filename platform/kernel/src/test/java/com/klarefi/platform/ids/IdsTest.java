package com.klarefi.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsCarryTheirPrefixAndARandomBase62Part() {
        String id = Ids.newId("req");

        assertThat(id).matches("req_[0-9A-Za-z]{22}");
        assertThat(Ids.looksLike("req", id)).isTrue();
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Ids.newId("case"));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everyBase62CharacterIsAboutEquallyLikely() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        int[] counts = new int[alphabet.length()];
        for (int draw = 0; draw < 31_000; draw++) {
            Ids.randomToken(22).chars().forEach(c -> counts[alphabet.indexOf(c)]++);
        }

        // 682,000 characters: 11,000 expected each (standard deviation about 104). A plain modulo
        // of a random byte would give the first eight characters about 13,300.
        assertThat(Arrays.stream(counts).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(10_400, 11_600));
    }

    @Test
    void malformedIdsAreRecognisedAsSuch() {
        assertThat(Ids.looksLike("case", "doc_abc")).isFalse();
        assertThat(Ids.looksLike("case", "case_")).isFalse();
        assertThat(Ids.looksLike("case", "case_abc'; drop table")).isFalse();
        assertThat(Ids.looksLike("case", null)).isFalse();
    }
}
