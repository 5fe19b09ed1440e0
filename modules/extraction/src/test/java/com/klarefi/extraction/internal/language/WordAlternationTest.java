package com.klarefi.extraction.internal.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordAlternationTest {
    @Test
    void sharesEachPrefixAndTriesTheLongerWordFirst() {
        assertThat(WordAlternation.literal(List.of("ma", "maart", "mar", "march", "may")))
                .isEqualTo(quoted("m") + quoted("a") + "(?:" + quoted("a") + quoted("r") + quoted("t") + "|"
                        + quoted("r") + "(?:" + quoted("c") + quoted("h") + ")?|" + quoted("y") + ")?");
    }

    @Test
    void readsASpaceInAPhraseAsAnyRunOfWhiteSpace() {
        Pattern pattern =
                Pattern.compile("(?iu)(?:" + WordAlternation.phrases(List.of("datum van schade", "datum")) + ")");

        assertThat(pattern.matcher("Datum \t van\nSCHADE").matches()).isTrue();
        assertThat(pattern.matcher("datum").matches()).isTrue();
        assertThat(pattern.matcher("datum van").matches()).isFalse();
    }

    @Test
    void groupsSpellingsThatACaseInsensitivePatternCannotTellApart() {
        // U+017F (long s) upper-cases to S, so it compares equal to "s".
        assertThat(WordAlternation.literal(List.of("sept", "\u017Fep")))
                .isEqualTo(WordAlternation.literal(List.of("sept", "sep")));
    }

    private static String quoted(String text) {
        return Pattern.quote(text);
    }
}
