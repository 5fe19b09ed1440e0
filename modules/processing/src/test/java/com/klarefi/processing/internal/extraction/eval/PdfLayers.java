package com.klarefi.processing.internal.extraction.eval;

import com.klarefi.processing.api.PageLayer;
import com.klarefi.processing.api.TextMethod;
import com.klarefi.processing.api.Word;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Page layers of a born-digital PDF for the evaluation: the stripper's text per page, with one
 * word box per whitespace-free run of glyphs. Good enough to exercise the layout rules; the
 * product's own text layer lives elsewhere.
 */
final class PdfLayers {
    private PdfLayers() {
    }

    /** Layers of every page, or an empty list when the PDF has no text layer (a scan). */
    static List<PageLayer> read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PageLayer> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PageLayer page = readPage(document, i);
                if (!page.text().isBlank()) {
                    pages.add(page);
                }
            }
            return pages;
        }
    }

    private static PageLayer readPage(PDDocument document, int index) throws IOException {
        WordStripper stripper = new WordStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.setSortByPosition(true);
        StringWriter out = new StringWriter();
        stripper.writeText(document, out);
        PDPage page = document.getPage(index);
        return new PageLayer(index, stripper.text.toString(), TextMethod.BORN_DIGITAL_TEXT,
                page.getMediaBox().getWidth(), page.getMediaBox().getHeight(), stripper.words);
    }

    private static final class WordStripper extends PDFTextStripper {
        private final StringBuilder text = new StringBuilder();
        private final List<Word> words = new ArrayList<>();

        WordStripper() throws IOException {
        }

        @Override
        protected void writeString(String chunk, List<TextPosition> positions) {
            int base = text.length();
            text.append(chunk);
            if (chunk.length() != positions.size()) {
                addWord(base, base + chunk.length(), positions);
                return;
            }
            int start = -1;
            for (int i = 0; i <= chunk.length(); i++) {
                boolean space = i == chunk.length() || Character.isWhitespace(chunk.charAt(i));
                if (space && start >= 0) {
                    addWord(base + start, base + i, positions.subList(start, i));
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
        }

        private void addWord(int from, int to, List<TextPosition> glyphs) {
            if (glyphs.isEmpty() || from >= to) {
                return;
            }
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = 0, y1 = 0;
            for (TextPosition glyph : glyphs) {
                x0 = Math.min(x0, glyph.getXDirAdj());
                x1 = Math.max(x1, glyph.getXDirAdj() + glyph.getWidthDirAdj());
                y0 = Math.min(y0, glyph.getYDirAdj() - glyph.getHeightDir());
                y1 = Math.max(y1, glyph.getYDirAdj());
            }
            words.add(new Word(from, to, x0, y0, x1, y1, 1f));
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            text.append('\n');
        }

        @Override
        protected void writeParagraphEnd() {
            text.append('\n');
        }
    }
}
