package com.klarefi.extraction.api;

import java.util.OptionalDouble;

/**
 * The characters a candidate was read from: {@code quote} is exactly
 * {@code page.text().substring(location.charStart(), location.charEnd())}. {@code ocrConfidence}
 * is present for OCR pages only (the lowest word confidence under the quote, in [0, 1]).
 */
public record Evidence(
        String evidenceId,
        String docId,
        int pageIndex,
        EvidenceLocation location,
        String quote,
        TextMethod method,
        OptionalDouble ocrConfidence) {}
