package com.klarefi.extraction.api;

import java.util.List;

/** A document of a case as the extraction engine reads it: its id and its page layers. */
public record DocumentText(String docId, List<PageLayer> pages) {
    public DocumentText {
        pages = List.copyOf(pages);
    }
}
