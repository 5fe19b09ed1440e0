package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentReader;
import com.klarefi.processing.api.TextLayerSettings;

/** Builds the reader behind {@link DocumentReader#create}. */
public final class Readers {
    private Readers() {
    }

    public static DocumentReader create(TextLayerSettings settings) {
        return new LayeredReader(settings);
    }
}
