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
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
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

    record PageText(String text, List<Word> words) {}

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
            limits.checkImage(
                    inlineImage.getInt(COSName.W, COSName.WIDTH, -1),
                    inlineImage.getInt(COSName.H, COSName.HEIGHT, -1));
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
            float[] extent = verticalExtent(glyph);
            y0 = Math.min(y0, glyph.getYDirAdj() - extent[0]);
            y1 = Math.max(y1, glyph.getYDirAdj() + extent[1]);
        }
        if (positions.isEmpty()) {
            x0 = y0 = x1 = y1 = 0;
        }
        return new Word(charStart, charEnd, x0, y0, x1, y1, 1f);
    }

    /**
     * How far a glyph reaches above and below its baseline, in page units. PDFBox places a glyph at
     * its baseline and gives it the smaller of the cap height and half the font's box as its
     * height, so a box built from that alone sits low: it misses the tops of capitals and every
     * descender. The ascent and descent in the font's descriptor bound the glyphs as drawn,
     * as OCR boxes do; that estimate stays only where the descriptor states no usable ascent.
     */
    private static float[] verticalExtent(TextPosition glyph) {
        PDFont font = glyph.getFont();
        float ascent = 0;
        float descent = 0;
        PDFontDescriptor descriptor = font == null ? null : font.getFontDescriptor();
        if (descriptor != null) {
            ascent = descriptor.getAscent();
            descent = descriptor.getDescent();
        }
        // Descriptor metrics are in thousandths of the text size, except in a Type 3 font, whose
        // own matrix maps them (PDF 32000-1, 9.8.1).
        float unit = font instanceof PDType3Font ? font.getFontMatrix().getScaleY() : 0.001f;
        float scale = Math.abs(unit * glyph.getYScale());
        float above = ascent * scale;
        // A font that claims glyphs taller than two lines has a wrong ascent or box.
        if (!(above > 0) || above > 2 * Math.abs(glyph.getYScale())) {
            return new float[] {glyph.getHeightDir(), 0};
        }
        return new float[] {above, Math.max(0, -descent * scale)};
    }
}
