package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out Tesseract's TSV output as page text: words joined by spaces, lines by line breaks,
 * paragraphs and blocks by blank lines; each word keeps its pixel box and confidence (0..1).
 */
final class TsvLayout {
    private static final int LEVEL_PAGE = 1;
    private static final int LEVEL_WORD = 5;
    private static final int COLUMNS = 12;

    private TsvLayout() {}

    /** A recognised page: text, words with boxes in pixels, and the image's size in pixels. */
    record OcrPage(String text, List<Word> words, int width, int height) {}

    /** One word as read, its box in pixels and its confidence (0..1). */
    record Box(String text, int x0, int y0, int x1, int y1, float confidence) {
        /** The box around some words (a line), without text. */
        static Box around(List<Box> words) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            int y1 = Integer.MIN_VALUE;
            for (Box word : words) {
                x0 = Math.min(x0, word.x0());
                y0 = Math.min(y0, word.y0());
                x1 = Math.max(x1, word.x1());
                y1 = Math.max(y1, word.y1());
            }
            return new Box("", x0, y0, x1, y1, 0f);
        }
    }

    /** Reads one line's words again, left to right; Tesseract's own words where it has nothing better. */
    @FunctionalInterface
    interface LineRereader {
        LineRereader NONE = words -> words;

        List<Box> reread(List<Box> words);
    }

    static OcrPage parse(String tsv) {
        return parse(tsv, LineRereader.NONE);
    }

    static OcrPage parse(String tsv, LineRereader rereader) {
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        int width = 0;
        int height = 0;
        int[] previous = null;
        int[] lineStart = null;
        List<Box> line = new ArrayList<>();
        for (String row : (tsv + "\n").split("\r?\n", -1)) {
            String[] cells = row.split("\t", -1);
            boolean parsed = cells.length >= COLUMNS && cells[0].matches("\\d+");
            int[] numbers = parsed ? numbers(cells) : null;
            boolean word = parsed && numbers[0] == LEVEL_WORD;
            String token = word
                    ? String.join(" ", Arrays.copyOfRange(cells, COLUMNS - 1, cells.length))
                            .strip()
                    : "";
            boolean lastRow = !parsed && row.isEmpty();
            if (!line.isEmpty() && (lastRow || (word && !token.isEmpty() && !sameLine(lineStart, numbers)))) {
                for (Box box : rereader.reread(List.copyOf(line))) {
                    text.append(separator(previous, lineStart));
                    int start = text.length();
                    text.append(box.text());
                    words.add(new Word(start, text.length(), box.x0(), box.y0(), box.x1(), box.y1(), box.confidence()));
                    previous = lineStart;
                }
                line.clear();
            }
            if (!parsed) {
                continue;
            }
            if (numbers[0] == LEVEL_PAGE) {
                width = Math.max(width, numbers[8]);
                height = Math.max(height, numbers[9]);
            }
            if (!word || token.isEmpty()) {
                continue;
            }
            if (line.isEmpty()) {
                lineStart = numbers;
            }
            line.add(new Box(
                    token,
                    numbers[6],
                    numbers[7],
                    numbers[6] + numbers[8],
                    numbers[7] + numbers[9],
                    confidence(cells[10])));
        }
        return new OcrPage(text.toString(), words, width, height);
    }

    private static boolean sameLine(int[] a, int[] b) {
        return a != null && b != null && a[1] == b[1] && a[2] == b[2] && a[3] == b[3] && a[4] == b[4];
    }

    /** level, page, block, paragraph, line, word, left, top, width, height. */
    private static int[] numbers(String[] cells) {
        int[] numbers = new int[10];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Integer.parseInt(cells[i].strip());
        }
        return numbers;
    }

    private static String separator(int[] previous, int[] current) {
        if (previous == null) {
            return "";
        }
        if (previous[1] != current[1] || previous[2] != current[2] || previous[3] != current[3]) {
            return "\n\n";
        }
        return previous[4] != current[4] ? "\n" : " ";
    }

    private static float confidence(String cell) {
        try {
            float percent = Float.parseFloat(cell.strip());
            return Math.clamp(percent / 100f, 0f, 1f);
        } catch (NumberFormatException e) {
            return 0f;
        }
    }
}
