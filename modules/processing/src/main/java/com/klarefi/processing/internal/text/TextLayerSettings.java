package com.klarefi.processing.internal.text;

import com.klarefi.platform.config.Settings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How text layers are produced: the Tesseract executable and its languages ({@code nld+eng}), the
 * time one page's recognition may take, the resolution image-only PDF pages are rendered at, and the
 * limits that keep a hostile document from taking the memory or time of the whole instance: the
 * most pages read from one document and the most pixels one image (or rendered page) may have; and
 * which scans the line recogniser ({@link LineReader}) reads again after Tesseract.
 */
public record TextLayerSettings(
        String tesseractCommand,
        String ocrLanguages,
        Duration ocrPageTimeout,
        int renderDpi,
        int maxPages,
        long maxImagePixels,
        LineReading lineReading) {
    public static final String OCR_COMMAND = "KLAREFI_OCR_COMMAND";
    public static final String OCR_LANGUAGES = "KLAREFI_OCR_LANGUAGES";
    public static final String OCR_PAGE_TIMEOUT = "KLAREFI_OCR_PAGE_TIMEOUT_SECONDS";
    public static final String OCR_RENDER_DPI = "KLAREFI_OCR_RENDER_DPI";
    public static final String MAX_PAGES = "KLAREFI_DOCUMENT_MAX_PAGES";
    public static final String MAX_IMAGE_PIXELS = "KLAREFI_IMAGE_MAX_PIXELS";
    public static final String OCR_LINE_READER = "KLAREFI_OCR_LINE_READER";

    /** Which scanned images Tesseract's lines are read again on by the line recogniser. */
    public enum LineReading {
        /** Images at least 1.6 times as tall as wide: till receipts and other strips. */
        STRIPS,
        /** Strips, and any scan Tesseract is unsure of (a mean word confidence under 0.85). */
        UNSURE,
        /** Every scanned image and image-only PDF page. */
        ALL,
        /** None: Tesseract alone. */
        OFF;

        static LineReading parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(OCR_LINE_READER + " must be one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got '" + value + "'");
            }
        }
    }

    /** The settings with the line recogniser on strips and unsure pages, its default. */
    public TextLayerSettings(
            String tesseractCommand,
            String ocrLanguages,
            Duration ocrPageTimeout,
            int renderDpi,
            int maxPages,
            long maxImagePixels) {
        this(tesseractCommand, ocrLanguages, ocrPageTimeout, renderDpi, maxPages, maxImagePixels, LineReading.UNSURE);
    }

    public TextLayerSettings {
        if (renderDpi < 72 || renderDpi > 600) {
            throw new IllegalArgumentException("renderDpi must be between 72 and 600, got " + renderDpi);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
        if (lineReading == null) {
            throw new IllegalArgumentException("lineReading must be given");
        }
        if (maxImagePixels < 1_000_000) {
            throw new IllegalArgumentException("maxImagePixels must be at least 1000000, got " + maxImagePixels);
        }
    }

    public static TextLayerSettings from(Settings settings) {
        return new TextLayerSettings(
                settings.required(OCR_COMMAND),
                settings.required(OCR_LANGUAGES),
                settings.seconds(OCR_PAGE_TIMEOUT),
                settings.integer(OCR_RENDER_DPI),
                settings.integer(MAX_PAGES),
                settings.bytes(MAX_IMAGE_PIXELS),
                LineReading.parse(settings.required(OCR_LINE_READER)));
    }

    /** The same settings with another Tesseract executable. */
    public TextLayerSettings withTesseractCommand(String command) {
        return new TextLayerSettings(
                command, ocrLanguages, ocrPageTimeout, renderDpi, maxPages, maxImagePixels, lineReading);
    }

    /** The same settings with another OCR language list. */
    public TextLayerSettings withOcrLanguages(String languages) {
        return new TextLayerSettings(
                tesseractCommand, languages, ocrPageTimeout, renderDpi, maxPages, maxImagePixels, lineReading);
    }

    /** The same settings with other document limits. */
    public TextLayerSettings withLimits(int pages, long imagePixels) {
        return new TextLayerSettings(
                tesseractCommand, ocrLanguages, ocrPageTimeout, renderDpi, pages, imagePixels, lineReading);
    }

    /** The same settings with the line recogniser on other scans. */
    public TextLayerSettings withLineReading(LineReading reading) {
        return new TextLayerSettings(
                tesseractCommand, ocrLanguages, ocrPageTimeout, renderDpi, maxPages, maxImagePixels, reading);
    }
}
