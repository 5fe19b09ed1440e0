package com.klarefi.processing.internal.text;

import com.klarefi.extraction.api.PageLayer;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.util.List;
import java.util.Optional;

/** Chooses how to read a document from its detected type. */
final class LayeredReader implements DocumentReader {
    private final MediaSniffer sniffer = new MediaSniffer();
    private final TesseractOcr ocr;
    private final PdfLayers pdf;
    private final OcrLayers images;
    private final DocumentLimits limits;
    private final PageImages pageImages;

    LayeredReader(TextLayerSettings settings) {
        this(settings, DocumentLimits.of(settings));
    }

    LayeredReader(TextLayerSettings settings, DocumentLimits limits) {
        this.limits = limits;
        this.ocr = new TesseractOcr(settings);
        this.pdf = new PdfLayers(ocr, settings, limits);
        this.images = new OcrLayers(ocr, limits);
        this.pageImages = new PageImages(limits);
    }

    @Override
    public MediaType detect(byte[] content) {
        return sniffer.detect(content);
    }

    @Override
    public int pageCount(byte[] content, MediaType type) {
        return switch (type) {
            case PDF -> PdfDocuments.pageCount(content, limits);
            case PNG, JPEG, TIFF -> Images.pageCount(content, limits);
            case PLAIN_TEXT, EMAIL -> 1;
            case HTML, UNKNOWN -> throw unsupported(content, type);
        };
    }

    @Override
    public List<PageLayer> textLayers(byte[] content, MediaType type) {
        return DocumentLimits.checkText(
                switch (type) {
                    case PDF -> pdf.read(content);
                    case PNG, JPEG, TIFF -> images.read(content, type);
                    case PLAIN_TEXT -> List.of(TextPages.page(plainText(content)));
                    case EMAIL -> List.of(TextPages.page(MimeMessage.text(content)));
                    case HTML, UNKNOWN -> throw unsupported(content, type);
                });
    }

    @Override
    public Optional<byte[]> pageImage(byte[] content, MediaType type, int pageIndex, int maxWidth) {
        if (pageIndex < 0 || type == MediaType.PDF && pageIndex >= PdfDocuments.pageCount(content, limits)) {
            return Optional.empty();
        }
        return pageImages.png(content, type, pageIndex, maxWidth);
    }

    @Override
    public Optional<String> ocrUnavailableReason() {
        return ocr.unavailableReason();
    }

    private static String plainText(byte[] content) {
        return TextDecoding.asText(content)
                .orElseThrow(() -> new DocumentFailure(Code.DOCUMENT_UNREADABLE, "the text file contains binary data"));
    }

    private static DocumentFailure unsupported(byte[] content, MediaType type) {
        if (content.length == 0) {
            return new DocumentFailure(Code.DOCUMENT_UNREADABLE, "the document is empty");
        }
        return new DocumentFailure(
                Code.UNSUPPORTED_MEDIA_TYPE,
                type == MediaType.HTML
                        ? "HTML pages are not accepted; send the document itself (PDF, image, text or e-mail)"
                        : "the document is not a PDF, PNG, JPEG, TIFF, text or e-mail");
    }
}
