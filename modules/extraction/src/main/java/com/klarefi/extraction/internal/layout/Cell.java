package com.klarefi.extraction.internal.layout;

import java.util.List;

/**
 * Words of one line that stand together: a form field, a table cell, a label or a sentence.
 * Cells are separated by a horizontal gap wider than a space.
 */
public record Cell(int line, int index, int start, int end, float x0, float x1, List<Token> tokens) {
    public Cell {
        tokens = List.copyOf(tokens);
    }
}
