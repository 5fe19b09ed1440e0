package com.klarefi.extraction.api;

import java.util.List;

/**
 * One page of a document as text with coordinates: {@code text} is what evidence offsets index
 * into ({@code text.substring(charStart, charEnd)} is the quote), {@code words} locate runs of it on
 * the page. {@code index} is 0-based; {@code width}/{@code height} are in the same units as the
 * word boxes.
 */
public record PageLayer(int index, String text, TextMethod method, float width, float height, List<Word> words) {
    public PageLayer {
        words = List.copyOf(words);
    }
}
