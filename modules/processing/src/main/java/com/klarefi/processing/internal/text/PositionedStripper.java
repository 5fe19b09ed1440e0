package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.Word;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts every page's text and its words' boxes in one pass. Offsets are taken from what the
 * stripper actually writes, so {@code text.substring(charStart, charEnd)} is the word by
 * construction, whatever separators or normalisation PDFBox applies.
 */
final class PositionedStripper extends PDFTextStripper {
    private final StringWriter output = new StringWriter();
    private final List<PageText> pages = new ArrayList<>();
    private List<Word> words = new ArrayList<>();
    private int pageStart;

    record PageText(String text, List<Word> words) {
    }

    private final DocumentLimits limits;
    private long operators;
    private long operatorsOnPage;

    PositionedStripper(DocumentLimits limits) {
        this.limits = limits;
        // Content-stream order: generators write a table cell's wrapped lines together, whereas
        // sorting by position interleaves neighbouring cells line by line and splits printed values.
        setSortByPosition(false);
        setLineSeparator("\n");
        setWordSeparator(" ");
        setPageStart("");
        setPageEnd("");
    }

    List<PageText> pages(PDDocument document) throws IOException {
        writeText(document, output);
        return List.copyOf(pages);
    }

    /** Counts every operator, forms' included, and sizes inline images before anything decodes them. */
    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        limits.checkOperators(++operatorsOnPage, ++operators);
        COSDictionary inlineImage = operator.getImageParameters();
        if (inlineImage != null) {
            limits.checkImage(inlineImage.getInt(COSName.W, COSName.WIDTH, -1), inlineImage.getInt(COSName.H, COSName.HEIGHT, -1));
        }
        super.processOperator(operator, operands);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        super.startPage(page);
        pageStart = output.getBuffer().length();
        operatorsOnPage = 0;
        words = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        String text = output.getBuffer().substring(pageStart).stripTrailing();
        pages.add(new PageText(text, List.copyOf(words)));
        // The page tree may hold more pages than its declared count.
        limits.checkPages(pages.size());
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        int start = output.getBuffer().length() - pageStart;
        writeString(text);
        int[] owner = glyphOfEachChar(text, positions);
        int wordStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && wordStart < 0) {
                wordStart = i;
            } else if (space && wordStart >= 0) {
                words.add(word(start + wordStart, start + i, positions, owner, wordStart, i));
                wordStart = -1;
            }
        }
    }

    /**
     * Which glyph produced each character: one glyph may yield several characters (ligatures).
     * Null when the text does not line up with the glyphs (normalised), so words get the run's box.
     */
    private static int[] glyphOfEachChar(String text, List<TextPosition> positions) {
        int[] owner = new int[text.length()];
        int index = 0;
        for (int glyph = 0; glyph < positions.size(); glyph++) {
            String unicode = positions.get(glyph).getUnicode();
            int length = unicode == null ? 0 : unicode.length();
            if (index + length > owner.length) {
                return null;
            }
            for (int k = 0; k < length; k++) {
                owner[index++] = glyph;
            }
        }
        return index == owner.length ? owner : null;
    }

    private static Word word(int charStart, int charEnd, List<TextPosition> positions, int[] owner, int from, int to) {
        int firstGlyph = owner == null ? 0 : owner[from];
        int lastGlyph = owner == null ? positions.size() - 1 : owner[to - 1];
        float x0 = Float.MAX_VALUE;
        float y0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float y1 = -Float.MAX_VALUE;
        for (TextPosition glyph : positions.subList(firstGlyph, lastGlyph + 1)) {
            x0 = Math.min(x0, glyph.getXDirAdj());
            x1 = Math.max(x1, glyph.getXDirAdj() + glyph.getWidthDirAdj());
            y0 = Math.min(y0, glyph.getYDirAdj() - glyph.getHeightDir());
            y1 = Math.max(y1, glyph.getYDirAdj());
        }
        if (positions.isEmpty()) {
            x0 = y0 = x1 = y1 = 0;
        }
        return new Word(charStart, charEnd, x0, y0, x1, y1, 1f);
    }
}
