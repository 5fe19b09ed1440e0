package com.klarefi.extraction.internal.layout;

/** A word of a page with its characters and its box; {@code line} indexes the page's lines. */
record Token(int start, int end, float x0, float y0, float x1, float y1, float confidence, int line) {}
