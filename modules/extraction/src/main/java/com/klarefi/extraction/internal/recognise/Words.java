package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.List;

/** The whitespace-separated words of a span on one line, with their offsets. */
record Words(List<Integer> starts, List<Integer> ends, String text) {
    /** Words of {@code text[from, to)}, stopping at the end of the line. */
    static Words of(String text, int from, int to) {
        int end = Spans.lineEnd(text, from, to);
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int i = from;
        while (i < end) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                starts.add(start);
                ends.add(i);
            }
        }
        return new Words(starts, ends, text);
    }

    int size() {
        return starts.size();
    }

    String word(int index) {
        return text.substring(starts.get(index), ends.get(index));
    }
}
