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
 * one row here; rows are numbered from the top. A scan is often a little askew (a degree or two is
 * ten pixels across a form): heights are compared as if the page were straight, by the slope its
 * lines of words share.
 */
final class VisualRows {
    private VisualRows() {}

    /** Lines of words at least this wide (in heights of a word) say how the page slopes. */
    private static final float SLOPE_SPAN = 8;
    /** A page sloping more than this is not askew but read wrongly: it is taken as straight. */
    private static final double MAX_SLOPE = 0.1;

    private static final int SLOPE_LINES = 3;

    /**
     * A text line's extent on the page; {@code centre} is its vertical centre as on a straight page
     * (at the left edge, the page's slope taken out).
     */
    private record Segment(int textLine, float x0, float x1, float y0, float y1, float centre) {

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
            rows.stream()
                    .filter(row -> fits(row, segment))
                    .min(Comparator.comparingDouble(row -> Math.abs(centre(row) - segment.centre())))
                    .orElseGet(() -> {
                        List<Segment> row = new ArrayList<>();
                        rows.add(row);
                        return row;
                    })
                    .add(segment);
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
        double slope = slope(byLine);
        List<Segment> segments = new ArrayList<>();
        for (int line = 0; line < textLines; line++) {
            List<Token> words = byLine.get(line);
            if (!words.isEmpty()) {
                float x0 = (float) words.stream().mapToDouble(Token::x0).min().orElseThrow();
                float x1 = (float) words.stream().mapToDouble(Token::x1).max().orElseThrow();
                float y0 = median(words.stream().map(Token::y0).toList());
                float y1 = median(words.stream().map(Token::y1).toList());
                segments.add(new Segment(line, x0, x1, y0, y1, (float) ((y0 + y1) / 2 - slope * (x0 + x1) / 2)));
            }
        }
        return segments;
    }

    /**
     * How much the page's lines of words fall (or rise) per unit to the right: the median over the
     * lines wide enough to tell, from their first word to their last; 0 when too few lines tell.
     */
    static double slope(List<List<Token>> lines) {
        List<Double> slopes = new ArrayList<>();
        for (List<Token> words : lines) {
            if (words.size() < 2) {
                continue;
            }
            Token first = words.getFirst();
            Token last = words.getLast();
            double run = (last.x0() + last.x1()) / 2 - (first.x0() + first.x1()) / 2;
            if (run > SLOPE_SPAN * Math.max(first.y1() - first.y0(), 1)) {
                slopes.add(((last.y0() + last.y1()) / 2 - (first.y0() + first.y1()) / 2) / run);
            }
        }
        if (slopes.size() < SLOPE_LINES) {
            return 0;
        }
        double median = slopes.stream().sorted().toList().get(slopes.size() / 2);
        return Math.abs(median) > MAX_SLOPE ? 0 : median;
    }

    /** Same height on the page within half a line, and side by side rather than on top of each other. */
    private static boolean fits(List<Segment> row, Segment segment) {
        double tolerance = 0.5
                * Math.min(
                        segment.height(),
                        row.stream().mapToDouble(Segment::height).min().orElseThrow());
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
