package com.klarefi.processing.api;

import com.klarefi.platform.config.Settings;
import java.time.Duration;

/**
 * How text layers are produced: the Tesseract executable and its languages ({@code nld+eng}), the
 * time one page's recognition may take, and the resolution image-only PDF pages are rendered at.
 */
public record TextLayerSettings(String tesseractCommand, String ocrLanguages, Duration ocrPageTimeout, int renderDpi) {
    public static final String OCR_COMMAND = "KLAREFI_OCR_COMMAND";
    public static final String OCR_LANGUAGES = "KLAREFI_OCR_LANGUAGES";
    public static final String OCR_PAGE_TIMEOUT = "KLAREFI_OCR_PAGE_TIMEOUT_SECONDS";
    public static final String OCR_RENDER_DPI = "KLAREFI_OCR_RENDER_DPI";

    public TextLayerSettings {
        if (renderDpi < 72 || renderDpi > 600) {
            throw new IllegalArgumentException("renderDpi must be between 72 and 600, got " + renderDpi);
        }
    }

    public static TextLayerSettings from(Settings settings) {
        return new TextLayerSettings(settings.required(OCR_COMMAND), settings.required(OCR_LANGUAGES),
                settings.seconds(OCR_PAGE_TIMEOUT), settings.integer(OCR_RENDER_DPI));
    }

    /** The same settings with another Tesseract executable. */
    public TextLayerSettings withTesseractCommand(String command) {
        return new TextLayerSettings(command, ocrLanguages, ocrPageTimeout, renderDpi);
    }
}
