package com.klarefi.extraction.internal.recognise;

/**
 * A recognised value: characters {@code [start, end)} of the page text, its normalised form and
 * how sure the recogniser is that the characters are a value of its type at all, in (0, 1].
 */
public record Match(int start, int end, String normalized, double strength) {}
