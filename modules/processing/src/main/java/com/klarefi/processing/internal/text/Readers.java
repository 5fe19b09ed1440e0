package com.klarefi.processing.internal.text;

/** Builds the reader behind {@link DocumentReader#create}. */
public final class Readers {
    private Readers() {}

    public static DocumentReader create(TextLayerSettings settings) {
        return new LayeredReader(settings);
    }
}
