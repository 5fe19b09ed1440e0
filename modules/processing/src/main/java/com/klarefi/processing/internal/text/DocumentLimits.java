package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentFailure;

/**
 * The limits that keep one hostile document (a PDF bomb, a decompression bomb, a page count in the
 * tens of thousands) from taking the memory or the time every other job on the instance needs.
 * Each is checked before the expensive work it guards, and breaking one fails the document with
 * {@code too_large}.
 */
final class DocumentLimits {
    /** Decoded content-stream bytes read from one PDF; ordinary documents need a few megabytes. */
    static final long MAX_PDF_CONTENT_BYTES = 128L << 20;
    /**
     * Content operators interpreted for one PDF (about 10 s of work), a form drawn many times counted
     * each time; one page may use a tenth of them, so a single page cannot take the whole budget.
     */
    static final long MAX_PDF_OPERATORS = 10_000_000;
    private static final int PAGE_SHARE = 10;
    private static final float POINTS_PER_INCH = 72f;

    private final int maxPages;
    private final long maxImagePixels;
    private final long maxContentBytes;
    private final long maxOperators;

    DocumentLimits(int maxPages, long maxImagePixels, long maxContentBytes, long maxOperators) {
        this.maxPages = maxPages;
        this.maxImagePixels = maxImagePixels;
        this.maxContentBytes = maxContentBytes;
        this.maxOperators = maxOperators;
    }

    static DocumentLimits of(TextLayerSettings settings) {
        return new DocumentLimits(settings.maxPages(), settings.maxImagePixels(), MAX_PDF_CONTENT_BYTES, MAX_PDF_OPERATORS);
    }

    void checkContentBytes(long decoded) {
        if (decoded > maxContentBytes) {
            throw tooLarge("the PDF's content decodes to more than " + (maxContentBytes >> 20) + " MiB");
        }
    }

    void checkOperators(long onPage, long inDocument) {
        if (onPage > maxOperators / PAGE_SHARE) {
            throw tooLarge("a page of the PDF draws more than " + maxOperators / PAGE_SHARE + " operations");
        }
        if (inDocument > maxOperators) {
            throw tooLarge("the PDF's pages draw more than " + maxOperators + " operations");
        }
    }

    int checkPages(int pages) {
        if (pages > maxPages) {
            throw tooLarge("the document has " + pages + " pages; at most " + maxPages + " are read");
        }
        return pages;
    }

    /** An image without a positive size is not a bomb; its reader decides whether it is readable. */
    void checkImage(long width, long height) {
        if (width > 0 && height > 0 && width > maxImagePixels / height) {
            throw tooLarge("an image of " + width + " x " + height + " pixels exceeds the limit of "
                    + maxImagePixels + " pixels");
        }
    }

    /** The resolution to render a page of this size (in points) at: the configured one, or less where that is too many pixels. */
    float renderDpi(float[] sizeInPoints, int configuredDpi) {
        double inches = (double) sizeInPoints[0] / POINTS_PER_INCH * sizeInPoints[1] / POINTS_PER_INCH;
        double pixels = inches * configuredDpi * configuredDpi;
        if (pixels <= maxImagePixels) {
            return configuredDpi;
        }
        return (float) Math.floor(Math.sqrt(maxImagePixels / inches));
    }

    static DocumentFailure tooLarge(String message) {
        return new DocumentFailure(DocumentFailure.Code.TOO_LARGE, message);
    }
}
