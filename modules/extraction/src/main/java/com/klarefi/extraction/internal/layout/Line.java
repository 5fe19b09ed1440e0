package com.klarefi.extraction.internal.layout;

import java.util.List;

/** A line of a page: its cells left to right and its vertical extent. */
record Line(int index, float y0, float y1, List<Cell> cells) {
    Line {
        cells = List.copyOf(cells);
    }

    float height() {
        return Math.max(y1 - y0, 0.1f);
    }
}
