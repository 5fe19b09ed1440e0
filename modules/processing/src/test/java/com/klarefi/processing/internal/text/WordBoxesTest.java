package com.klarefi.processing.internal.text;

import static com.klarefi.processing.internal.text.PageAssertions.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.Word;
import com.klarefi.platform.config.Settings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The box stored for a born-digital word covers the glyphs as they are drawn: the console outlines
 * the evidence with these boxes over the rendered page.
 */
class WordBoxesTest {
    private static final float TOLERANCE = 1.5f;
    private final DocumentReader reader = DocumentReader.create(TextLayerSettings.from(Settings.of(Map.of())));

    @Test
    void aWordsBoxCoversItsInkFromTheTopOfItsCapitalsToTheBottomOfItsDescenders() throws IOException {
        byte[] pdf = Pdfs.withPages(new String[] {"Schadeformulier Typology Arnhem"});
        List<PageLayer> pages = reader.textLayers(pdf, reader.detect(pdf));

        for (String text : List.of("Schadeformulier", "Typology", "Arnhem")) {
            Word box = word(pages.getFirst(), text).orElseThrow();
            float[] ink = inkInside(pdf, box);
            assertThat(box.y0())
                    .as("top of %s", text)
                    .isLessThanOrEqualTo(ink[1] + TOLERANCE)
                    .isGreaterThan(ink[1] - Pdfs.FONT_SIZE / 2);
            assertThat(box.y1())
                    .as("bottom of %s", text)
                    .isGreaterThanOrEqualTo(ink[3] - TOLERANCE)
                    .isLessThan(ink[3] + Pdfs.FONT_SIZE / 2);
            assertThat(box.x0()).as("left of %s", text).isLessThanOrEqualTo(ink[0] + TOLERANCE);
            assertThat(box.x1()).as("right of %s", text).isGreaterThanOrEqualTo(ink[2] - TOLERANCE);
        }
    }

    /**
     * The bounds, in points from the top left, of the dark pixels within a line's height around
     * the word's box when the page is rendered at 72 dpi (one pixel a point).
     */
    private static float[] inkInside(byte[] pdf, Word box) throws IOException {
        BufferedImage image;
        try (PDDocument document = PdfDocuments.open(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 72, ImageType.GRAY);
        }
        int left = Math.max(0, (int) box.x0() - 1);
        int right = Math.min(image.getWidth() - 1, (int) Math.ceil(box.x1()));
        // A line's height above and below: ink that the box misses is found too.
        int top = Math.max(0, (int) (box.y0() - Pdfs.FONT_SIZE));
        int bottom = Math.min(image.getHeight() - 1, (int) (box.y1() + Pdfs.FONT_SIZE));
        float[] ink = {Float.MAX_VALUE, Float.MAX_VALUE, -1, -1};
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    ink[0] = Math.min(ink[0], x);
                    ink[1] = Math.min(ink[1], y);
                    ink[2] = Math.max(ink[2], x + 1);
                    ink[3] = Math.max(ink[3], y + 1);
                }
            }
        }
        assertThat(ink[2]).as("ink near the word's box").isPositive();
        return ink;
    }
}
