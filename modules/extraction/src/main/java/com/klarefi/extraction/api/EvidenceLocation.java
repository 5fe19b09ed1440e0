package com.klarefi.extraction.api;

import java.util.Optional;

/**
 * Where evidence sits: characters {@code [charStart, charEnd)} of the page text and, when the page
 * has word boxes, the box around the words they touch.
 */
public record EvidenceLocation(int charStart, int charEnd, Optional<BoundingBox> boundingBox) {}
