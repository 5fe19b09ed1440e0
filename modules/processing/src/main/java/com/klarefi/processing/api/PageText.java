package com.klarefi.processing.api;

import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import java.util.List;

/**
 * The text of one page of a processed document: what evidence offsets index into, and where each
 * word stands on the page ({@code width} by {@code height} in the page's units, see {@link Word}).
 */
public record PageText(
        String docId,
        int pageIndex,
        TextMethod method,
        String text,
        int pageCount,
        float width,
        float height,
        List<Word> words) {
    public PageText {
        words = List.copyOf(words);
    }
}
