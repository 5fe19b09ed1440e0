package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.processing.api.DocumentFailure;
import java.util.ArrayList;
import java.util.List;

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
    /** Characters of one HTML mail body handed to the HTML parser, whose tree costs several times the text. */
    static final int MAX_HTML_CHARS = 4 << 20;
    /** Characters of text on one page: a dense A4 page has a few thousand, a long e-mail a few hundred thousand. */
    static final int MAX_PAGE_CHARS = 1 << 20;
    /** Characters of text in one document, all pages together. */
    static final long MAX_DOCUMENT_CHARS = 8L << 20;
    /** Words on one page; their positions are stored as one JSON value per page, which must stay far below PostgreSQL's limits. */
    static final int MAX_PAGE_WORDS = 100_000;

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
        return new DocumentLimits(
                settings.maxPages(), settings.maxImagePixels(), MAX_PDF_CONTENT_BYTES, MAX_PDF_OPERATORS);
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

    static void checkHtml(int chars) {
        if (chars > MAX_HTML_CHARS) {
            throw tooLarge("the HTML body has more than " + MAX_HTML_CHARS + " characters");
        }
    }

    /**
     * The pages as read, or {@code too_large} when their text or words exceed what one page or
     * document may hold. A NUL character, which PostgreSQL cannot store in text, becomes U+FFFD: one
     * character for one, so the words' offsets stay right.
     */
    static List<PageLayer> checkText(List<PageLayer> pages) {
        long total = 0;
        List<PageLayer> storable = new ArrayList<>(pages.size());
        for (PageLayer read : pages) {
            PageLayer page = read.text().indexOf('\0') < 0
                    ? read
                    : new PageLayer(
                            read.index(),
                            read.text().replace('\0', '\uFFFD'),
                            read.method(),
                            read.width(),
                            read.height(),
                            read.words());
            storable.add(page);
            if (page.text().length() > MAX_PAGE_CHARS) {
                throw tooLarge(
                        "page " + (page.index() + 1) + " has more than " + MAX_PAGE_CHARS + " characters of text");
            }
            if (page.words().size() > MAX_PAGE_WORDS) {
                throw tooLarge("page " + (page.index() + 1) + " has more than " + MAX_PAGE_WORDS + " words");
            }
            total += page.text().length();
            if (total > MAX_DOCUMENT_CHARS) {
                throw tooLarge("the document has more than " + MAX_DOCUMENT_CHARS + " characters of text");
            }
        }
        return storable;
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
            throw tooLarge("an image of " + width + " x " + height + " pixels exceeds the limit of " + maxImagePixels
                    + " pixels");
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
