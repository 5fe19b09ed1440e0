package com.klarefi.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

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
    void malformedIdsAreRecognisedAsSuch() {
        assertThat(Ids.looksLike("case", "doc_abc")).isFalse();
        assertThat(Ids.looksLike("case", "case_")).isFalse();
        assertThat(Ids.looksLike("case", "case_abc'; drop table")).isFalse();
        assertThat(Ids.looksLike("case", null)).isFalse();
    }
}
