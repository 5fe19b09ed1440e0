package com.klarefi.processing.api;

import com.klarefi.extraction.api.TextMethod;

/** The text of one page of a processed document: what evidence offsets index into. */
public record PageText(String docId, int pageIndex, TextMethod method, String text, int pageCount) {
}
