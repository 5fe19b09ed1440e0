package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds born-digital pages with word boxes for tests: each line is a list of cells, each cell a
 * start column and its text; characters are 5 units wide and lines 14 units apart.
 */
final class Pages {
    private static final float CHAR_WIDTH = 5;
    private static final float LINE_HEIGHT = 14;

    private final StringBuilder text = new StringBuilder();
    private final List<Word> words = new ArrayList<>();
    private int lines;

    static Pages aPage() {
        return new Pages();
    }

    /** A line of cells: pairs of start column and text, e.g. {@code line(0, "Naam", 30, "Jan")}. */
    Pages line(Object... columnsAndTexts) {
        if (lines > 0) {
            text.append('\n');
        }
        float y = 300 + lines * LINE_HEIGHT;
        for (int i = 0; i < columnsAndTexts.length; i += 2) {
            int column = (Integer) columnsAndTexts[i];
            String cell = (String) columnsAndTexts[i + 1];
            if (i > 0) {
                text.append(' ');
            }
            int offset = 0;
            for (String word : cell.split(" ")) {
                int start = text.length();
                text.append(word);
                float x = (column + offset) * CHAR_WIDTH;
                words.add(new Word(start, text.length(), x, y - 10, x + word.length() * CHAR_WIDTH, y, 1f));
                offset += word.length() + 1;
                text.append(' ');
            }
            text.setLength(text.length() - 1);
        }
        lines++;
        return this;
    }

    Pages blank() {
        text.append('\n');
        lines++;
        return this;
    }

    PageLayer build() {
        return new PageLayer(0, text.toString(), TextMethod.BORN_DIGITAL_TEXT, 595, 842, words);
    }

    /** The pages as one document. */
    static DocumentText document(String docId, PageLayer... pages) {
        return new DocumentText(docId, List.of(pages));
    }

    static PageLayer plainText(String text) {
        return new PageLayer(0, text, TextMethod.TEXT, 0, 0, List.of());
    }

    /** Plain text as the service lays it out: a word box per word, x its column and y its line. */
    static PageLayer plainTextWithCells(String text) {
        List<Word> cells = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int line = 0; line < lines.length; line++) {
            Matcher word = Pattern.compile("\\S+").matcher(lines[line]);
            while (word.find()) {
                cells.add(new Word(
                        offset + word.start(), offset + word.end(), word.start(), line, word.end(), line + 1, 1f));
            }
            offset += lines[line].length() + 1;
        }
        return new PageLayer(0, text, TextMethod.TEXT, 80, lines.length, cells);
    }

    /**
     * An OCR page written in the order OCR reads blocks: each call adds a text line at the given
     * column and row of the page, so a column of labels can come before the column of values.
     */
    static Ocr anOcrPage() {
        return new Ocr();
    }

    static final class Ocr {
        private final StringBuilder text = new StringBuilder();
        private final List<Word> words = new ArrayList<>();
        private float slope;

        /** A page scanned askew: each word lies {@code slope} units lower per unit to the right. */
        Ocr askew(float slope) {
            this.slope = slope;
            return this;
        }

        Ocr textLine(int column, int row, String line, float confidence) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            float y = 300 + row * LINE_HEIGHT + (row % 2);
            int offset = 0;
            for (String word : line.split(" ")) {
                int start = text.length();
                text.append(word).append(' ');
                float x = (column + offset) * CHAR_WIDTH;
                float drop = slope * x;
                words.add(new Word(
                        start,
                        start + word.length(),
                        x,
                        y - 10 + drop,
                        x + word.length() * CHAR_WIDTH,
                        y + drop,
                        confidence));
                offset += word.length() + 1;
            }
            text.setLength(text.length() - 1);
            return this;
        }

        Ocr textLine(int column, int row, String line) {
            return textLine(column, row, line, 0.95f);
        }

        PageLayer build() {
            return new PageLayer(0, text.toString(), TextMethod.OCR, 595, 842, words);
        }
    }
}
