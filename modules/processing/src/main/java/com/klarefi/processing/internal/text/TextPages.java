package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * A text or e-mail document as one page. Such text has no geometry, so words are placed in
 * character cells: x is the column, y the line (both 0-based), the page as wide as its longest line.
 */
final class TextPages {
    private TextPages() {}

    static PageLayer page(String rawText) {
        String text = rawText.replace("\r\n", "\n").replace('\r', '\n');
        List<Word> words = new ArrayList<>();
        int line = 0;
        int lineStart = 0;
        int widest = 0;
        int wordStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean space = Character.isWhitespace(c);
            if (!space && wordStart < 0) {
                wordStart = i;
            } else if (space && wordStart >= 0) {
                words.add(new Word(wordStart, i, wordStart - lineStart, line, i - lineStart, line + 1, 1f));
                wordStart = -1;
            }
            if (c == '\n') {
                widest = Math.max(widest, i - lineStart);
                line++;
                lineStart = i + 1;
            }
        }
        return new PageLayer(0, text, TextMethod.TEXT, widest, line, words);
    }
}
