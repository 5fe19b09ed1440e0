package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Text layers of scanned images (PNG, JPEG, every page of a TIFF), in pixels. */
final class OcrLayers {
    /** The most pixels a scan is decoded at for the line recogniser (see {@link Images#reduced}). */
    static final long LINE_READER_PIXELS = 4_000_000;

    private final TesseractOcr ocr;
    private final DocumentLimits limits;

    OcrLayers(TesseractOcr ocr, DocumentLimits limits) {
        this.ocr = ocr;
        this.limits = limits;
    }

    List<PageLayer> read(byte[] content, MediaType type) {
        List<Dimension> sizes = Images.pageSizes(content, limits);
        try (Scratch scratch = Scratch.create()) {
            if (type != MediaType.TIFF) {
                // Tesseract reads PNG and JPEG as they came. Only when it fails is the image decoded
                // here, to tell a corrupt image from a recogniser failure: decoding every scan up
                // front cost the service about as much CPU as a sixth of Tesseract's own work.
                Path image = scratch.write("page-0." + type.name().toLowerCase(Locale.ROOT), content);
                try {
                    return List.of(layer(
                            0,
                            ocr.recognise(
                                    image,
                                    sizes.getFirst(),
                                    () -> Images.reduced(content, 0, limits, LINE_READER_PIXELS)),
                            1f));
                } catch (DocumentFailure failure) {
                    if (failure.code() == Code.OCR_FAILED && !failure.isTransient()) {
                        Images.page(content, 0, limits);
                    }
                    throw failure;
                }
            }
            List<PageLayer> layers = new ArrayList<>();
            for (int index = 0; index < sizes.size(); index++) {
                BufferedImage pixels = Images.page(content, index, limits);
                Path image = writePng(scratch, "page-" + index + ".png", pixels);
                layers.add(layer(index, ocr.recognise(image, sizes.get(index), () -> pixels), 1f));
            }
            return layers;
        }
    }

    /** The image's file for Tesseract, as PNG. */
    static Path writePng(Scratch scratch, String name, BufferedImage image) {
        Path file = scratch.file(name);
        try {
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary image for OCR", e);
        }
    }

    /** An OCR page as a layer; {@code scale} converts pixels to the page's units. */
    static PageLayer layer(int index, TsvLayout.OcrPage page, float scale) {
        List<Word> words = page.words().stream()
                .map(word -> new Word(
                        word.charStart(),
                        word.charEnd(),
                        word.x0() * scale,
                        word.y0() * scale,
                        word.x1() * scale,
                        word.y1() * scale,
                        word.confidence()))
                .toList();
        return new PageLayer(index, page.text(), TextMethod.OCR, page.width() * scale, page.height() * scale, words);
    }
}
