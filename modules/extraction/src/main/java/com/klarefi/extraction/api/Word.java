package com.klarefi.extraction.api;

/**
 * A word of a page: its characters {@code [charStart, charEnd)} in the page text, its box in page
 * units (origin top left: PDF points for PDF pages, also OCR'd ones; pixels for images; character
 * cells, x the column and y the line, for text and e-mail) and the recogniser's confidence in
 * [0, 1] (1 for text that was not recognised but read).
 */
public record Word(int charStart, int charEnd, float x0, float y0, float x1, float y1, float confidence) {}
