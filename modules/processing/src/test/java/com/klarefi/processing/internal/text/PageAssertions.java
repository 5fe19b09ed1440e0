package com.klarefi.processing.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.Word;
import java.util.List;
import java.util.Optional;

/** Checks shared by every text-layer test. */
final class PageAssertions {
    private PageAssertions() {}

    /**
     * The invariant evidence relies on: words are in text order, each {@code substring} is a word
     * (no whitespace inside or around it), and together they cover every non-blank character.
     */
    static void assertWordsTileTheText(PageLayer page) {
        String text = page.text();
        boolean[] covered = new boolean[text.length()];
        int previousEnd = 0;
        for (Word word : page.words()) {
            assertThat(word.charStart()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(word.charEnd()).isGreaterThan(word.charStart()).isLessThanOrEqualTo(text.length());
            String quoted = text.substring(word.charStart(), word.charEnd());
            assertThat(quoted).doesNotContainAnyWhitespaces();
            assertThat(word.confidence()).isBetween(0f, 1f);
            assertThat(word.x1()).isGreaterThanOrEqualTo(word.x0());
            assertThat(word.y1()).isGreaterThanOrEqualTo(word.y0());
            for (int i = word.charStart(); i < word.charEnd(); i++) {
                covered[i] = true;
            }
            previousEnd = word.charEnd();
        }
        for (int i = 0; i < text.length(); i++) {
            assertThat(covered[i] || Character.isWhitespace(text.charAt(i)))
                    .as("character %d '%s' belongs to a word", i, text.charAt(i))
                    .isTrue();
        }
    }

    static void assertWordsTileTheText(List<PageLayer> pages) {
        pages.forEach(PageAssertions::assertWordsTileTheText);
    }

    /** The first word whose text is {@code wanted}. */
    static Optional<Word> word(PageLayer page, String wanted) {
        return page.words().stream()
                .filter(word ->
                        page.text().substring(word.charStart(), word.charEnd()).equals(wanted))
                .findFirst();
    }

    /** Whitespace-insensitive containment: a PDF may break a printed value across lines. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
