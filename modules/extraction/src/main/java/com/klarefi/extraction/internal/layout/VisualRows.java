package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Rows of a page as the eye sees them. OCR writes a page block by block: a form's column of labels
 * comes out as one run of text lines and the column of values as another, so the label and its
 * value stand on different text lines although they share a row on paper. Text lines whose
 * vertical centres lie within half a line of each other and that do not overlap horizontally are
 * one row here; rows are numbered from the top.
 */
final class VisualRows {
    private VisualRows() {
    }

    /** A text line's extent on the page. */
    private record Segment(int textLine, float x0, float x1, float y0, float y1) {
        float centre() {
            return (y0 + y1) / 2;
        }

        float height() {
            return Math.max(y1 - y0, 0.1f);
        }
    }

    /**
     * The row of every text line, for {@code textLines} lines whose words are {@code tokens}
     * ({@link Token#line()} is the text line). Lines without words join the row of the line before.
     */
    static int[] of(List<Token> tokens, int textLines) {
        List<Segment> segments = segments(tokens, textLines);
        segments.sort(Comparator.comparingDouble(Segment::centre));
        List<List<Segment>> rows = new ArrayList<>();
        for (Segment segment : segments) {
            rows.stream().filter(row -> fits(row, segment))
                    .min(Comparator.comparingDouble(row -> Math.abs(centre(row) - segment.centre())))
                    .orElseGet(() -> {
                        List<Segment> row = new ArrayList<>();
                        rows.add(row);
                        return row;
                    }).add(segment);
        }
        rows.sort(Comparator.comparingDouble(VisualRows::centre));
        int[] rowOf = new int[textLines];
        Arrays.fill(rowOf, -1);
        for (int row = 0; row < rows.size(); row++) {
            for (Segment segment : rows.get(row)) {
                rowOf[segment.textLine()] = row;
            }
        }
        for (int line = 0; line < textLines; line++) {
            if (rowOf[line] < 0) {
                rowOf[line] = line == 0 ? 0 : rowOf[line - 1];
            }
        }
        return rowOf;
    }

    private static List<Segment> segments(List<Token> tokens, int textLines) {
        List<List<Token>> byLine = new ArrayList<>();
        for (int i = 0; i < textLines; i++) {
            byLine.add(new ArrayList<>());
        }
        tokens.forEach(token -> byLine.get(token.line()).add(token));
        List<Segment> segments = new ArrayList<>();
        for (int line = 0; line < textLines; line++) {
            List<Token> words = byLine.get(line);
            if (!words.isEmpty()) {
                segments.add(new Segment(line,
                        (float) words.stream().mapToDouble(Token::x0).min().orElseThrow(),
                        (float) words.stream().mapToDouble(Token::x1).max().orElseThrow(),
                        median(words.stream().map(Token::y0).toList()), median(words.stream().map(Token::y1).toList())));
            }
        }
        return segments;
    }

    /** Same height on the page within half a line, and side by side rather than on top of each other. */
    private static boolean fits(List<Segment> row, Segment segment) {
        double tolerance = 0.5 * Math.min(segment.height(), row.stream().mapToDouble(Segment::height).min().orElseThrow());
        return Math.abs(centre(row) - segment.centre()) <= tolerance
                && row.stream().noneMatch(other -> other.x0() < segment.x1() && segment.x0() < other.x1());
    }

    private static float centre(List<Segment> row) {
        return (float) row.stream().mapToDouble(Segment::centre).average().orElseThrow();
    }

    /** The middle value: robust against a tall or dropped letter on a word of the line. */
    private static float median(List<Float> values) {
        List<Float> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
