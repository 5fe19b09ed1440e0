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
            try (Scratch scratch = Scratch.create()) {
                PDFRenderer renderer = new PDFRenderer(document);
                for (int index = 0; index < texts.size(); index++) {
                    PDPage page = document.getPage(index);
                    float[] size = PdfDocuments.size(page);
                    PositionedStripper.PageText text = texts.get(index);
                    layers.add(usable(text.text())
                            ? new PageLayer(index, text.text(), TextMethod.BORN_DIGITAL_TEXT, size[0], size[1], text.words())
                            : recognise(renderer, scratch, index, size));
                }
            }
            return layers;
        } catch (IOException e) {
            throw PdfDocuments.unreadable("the PDF's pages cannot be read", e);
        }
    }

    private PageLayer recognise(PDFRenderer renderer, Scratch scratch, int index, float[] size) throws IOException {
        float dpi = limits.renderDpi(size, settings.renderDpi());
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        Path file = OcrLayers.writePng(scratch, "page-" + index + ".png", image);
        PageLayer pixels = OcrLayers.layer(index, ocr.recognise(file, new Dimension(image.getWidth(), image.getHeight())), POINTS_PER_INCH / dpi);
        return new PageLayer(index, pixels.text(), TextMethod.OCR, size[0], size[1], pixels.words());
    }

    static boolean usable(String text) {
        long meaningful = text.chars().filter(Character::isLetterOrDigit).limit(MIN_USABLE_CHARACTERS).count();
        return meaningful >= MIN_USABLE_CHARACTERS;
    }
}
