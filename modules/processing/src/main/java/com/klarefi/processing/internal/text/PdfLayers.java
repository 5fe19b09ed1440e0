package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Text layers of a PDF: its own text where a page has a usable one, else OCR of the page rendered
 * in grey at the configured resolution. Coordinates are PDF points, origin top left.
 */
final class PdfLayers {
    /** Fewer letters and digits than this is a scan, perhaps with a stray page number or stamp. */
    private static final int MIN_USABLE_CHARACTERS = 10;

    private static final float POINTS_PER_INCH = 72f;

    private final TesseractOcr ocr;
    private final TextLayerSettings settings;
    private final DocumentLimits limits;

    PdfLayers(TesseractOcr ocr, TextLayerSettings settings, DocumentLimits limits) {
        this.ocr = ocr;
        this.settings = settings;
        this.limits = limits;
    }

    List<PageLayer> read(byte[] content) {
        try (PDDocument document = PdfDocuments.open(content)) {
            limits.checkPages(document.getNumberOfPages());
            PdfInspection.check(document, limits);
            List<PositionedStripper.PageText> texts = new PositionedStripper(limits).pages(document);
            List<PageLayer> layers = new ArrayList<>();
            // Only a page without usable text needs a renderer and a scratch directory for
            // Tesseract; a born-digital document makes neither.
            Recogniser recogniser = new Recogniser(document);
            try (recogniser) {
                for (int index = 0; index < texts.size(); index++) {
                    PDPage page = document.getPage(index);
                    float[] size = PdfDocuments.size(page);
                    PositionedStripper.PageText text = texts.get(index);
                    layers.add(
                            usable(text.text())
                                    ? new PageLayer(
                                            index,
                                            text.text(),
                                            TextMethod.BORN_DIGITAL_TEXT,
                                            size[0],
                                            size[1],
                                            text.words())
                                    : recogniser.recognise(index, size));
                }
            }
            return layers;
        } catch (IOException e) {
            throw PdfDocuments.unreadable("the PDF's pages cannot be read", e);
        }
    }

    /** Renders pages for OCR, with the renderer and the scratch directory made at the first one. */
    private final class Recogniser implements AutoCloseable {
        private final PDDocument document;
        private PDFRenderer renderer;
        private Scratch scratch;

        Recogniser(PDDocument document) {
            this.document = document;
        }

        PageLayer recognise(int index, float[] size) throws IOException {
            if (renderer == null) {
                renderer = new PDFRenderer(document);
                scratch = Scratch.create();
            }
            float dpi = limits.renderDpi(size, settings.renderDpi());
            BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
            Path file = OcrLayers.writePng(scratch, "page-" + index + ".png", image);
            PageLayer pixels = OcrLayers.layer(
                    index,
                    ocr.recognise(file, new Dimension(image.getWidth(), image.getHeight()), () -> image),
                    POINTS_PER_INCH / dpi);
            return new PageLayer(index, pixels.text(), TextMethod.OCR, size[0], size[1], pixels.words());
        }

        @Override
        public void close() {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    static boolean usable(String text) {
        long meaningful = text.chars()
                .filter(Character::isLetterOrDigit)
                .limit(MIN_USABLE_CHARACTERS)
                .count();
        return meaningful >= MIN_USABLE_CHARACTERS;
    }
}
