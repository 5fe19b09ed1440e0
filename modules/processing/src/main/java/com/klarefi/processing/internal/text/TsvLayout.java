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

    static OcrPage parse(String tsv) {
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        int width = 0;
        int height = 0;
        int[] previous = null;
        for (String line : tsv.split("\r?\n")) {
            String[] cells = line.split("\t", -1);
            if (cells.length < COLUMNS || !cells[0].matches("\\d+")) {
                continue;
            }
            int[] numbers = numbers(cells);
            if (numbers[0] == LEVEL_PAGE) {
                width = Math.max(width, numbers[8]);
                height = Math.max(height, numbers[9]);
            }
            String token = String.join(" ", Arrays.copyOfRange(cells, COLUMNS - 1, cells.length))
                    .strip();
            if (numbers[0] != LEVEL_WORD || token.isEmpty()) {
                continue;
            }
            text.append(separator(previous, numbers));
            int start = text.length();
            text.append(token);
            words.add(new Word(
                    start,
                    text.length(),
                    numbers[6],
                    numbers[7],
                    numbers[6] + numbers[8],
                    numbers[7] + numbers[9],
                    confidence(cells[10])));
            previous = numbers;
        }
        return new OcrPage(text.toString(), words, width, height);
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
