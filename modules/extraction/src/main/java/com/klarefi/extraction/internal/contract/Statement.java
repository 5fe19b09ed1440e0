package com.klarefi.extraction.internal.contract;

/**
 * What a contract's structure says of a clause: the value stands at {@code [start, end)} of the
 * text of page {@code page} (the feature's own recogniser reads it there), with the support the
 * structure gives it in [0, 1].
 */
public record Statement(Clause clause, int page, int start, int end, double support) {}
