package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.processing.api.DocumentFailure;
import java.util.List;
import java.util.Optional;

/**
 * Turns a document's bytes into text layers: a PDF's own text where it has one, Tesseract OCR for
 * scanned pages and images, the text of plain-text files and e-mails. Thread-safe; OCR runs as a
 * separate process per page, so a crashing recogniser cannot take the service down.
 */
public interface DocumentReader {
    /** The media type from the content's magic bytes; never fails ({@link MediaType#UNKNOWN}). */
    MediaType detect(byte[] content);

    /**
     * The number of pages, without recognising text.
     *
     * @throws DocumentFailure with {@code document_encrypted}, {@code document_unreadable} or
     *                         {@code unsupported_media_type}
     */
    int pageCount(byte[] content, MediaType type);

    /**
     * One layer per page, in page order. For every word {@code w} of a page {@code p},
     * {@code p.text().substring(w.charStart(), w.charEnd())} is the word's text.
     *
     * @throws DocumentFailure with {@code document_encrypted}, {@code document_unreadable},
     *                         {@code unsupported_media_type}, {@code ocr_unavailable} or
     *                         {@code ocr_failed}
     */
    List<PageLayer> textLayers(byte[] content, MediaType type);

    /**
     * The page as an image for people to look at, PNG at most {@code maxWidth} pixels wide; empty
     * for text and e-mail, which have none, and for a page the document does not have.
     */
    Optional<byte[]> pageImage(byte[] content, MediaType type, int pageIndex, int maxWidth);

    /**
     * Why OCR cannot run here (Tesseract or a language missing), checked once; empty when it can.
     * Worth reporting at start-up: documents without a text layer fail until this is fixed.
     */
    Optional<String> ocrUnavailableReason();

    static DocumentReader create(TextLayerSettings settings) {
        return Readers.create(settings);
    }
}
