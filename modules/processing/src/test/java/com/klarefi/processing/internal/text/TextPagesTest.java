package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.assertWordsTileTheText;
import static com.klarefi.processing.internal.text.PageAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import org.junit.jupiter.api.Test;

class TextPagesTest {
    @Test
    void placesWordsInCharacterCellsOfTheirLine() {
        PageLayer page = TextPages.page("Dear Sir,\r\n\r\n  policy AUT-1\tpaid\n");

        assertThat(page.method()).isEqualTo(TextMethod.TEXT);
        assertThat(page.text()).isEqualTo("Dear Sir,\n\n  policy AUT-1\tpaid\n");
        assertWordsTileTheText(page);
        Word policyNumber = word(page, "AUT-1").orElseThrow();
        assertThat(policyNumber).isEqualTo(new Word(20, 25, 9, 2, 14, 3, 1f));
        assertThat(page.width()).isEqualTo(19);
        assertThat(page.height()).isEqualTo(4);
    }

    @Test
    void makesAnEmptyPageOfEmptyText() {
        PageLayer page = TextPages.page("");

        assertThat(page.words()).isEmpty();
        assertThat(page.text()).isEmpty();
    }
}
