package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.List;

/** The lines of a page's text, as {start, end} of each, end exclusive and before its line break. */
public final class TextLines {
    private TextLines() {}

    public static List<int[]> of(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        return lines;
    }
}
