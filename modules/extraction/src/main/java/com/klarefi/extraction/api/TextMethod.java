package com.klarefi.extraction.api;

/** How a page's text was obtained; the value of evidence's {@code method}. */
public enum TextMethod {
    /** A PDF's own text layer, read with PDFBox. */
    BORN_DIGITAL_TEXT("born_digital_text"),
    /** Optical character recognition (Tesseract) of a scanned page or image. */
    OCR("ocr"),
    /** Plain text or an e-mail's headers and text body. */
    TEXT("text");

    private final String wireName;

    TextMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
