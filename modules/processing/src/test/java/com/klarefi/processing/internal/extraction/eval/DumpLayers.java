package com.klarefi.processing.internal.extraction.eval;

import java.nio.file.Path;

/** Prints the page text of a PDF, to look at what the engine sees. */
public final class DumpLayers {
    private DumpLayers() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            for (var page : PdfLayers.read(Path.of(arg))) {
                System.out.println("=== " + arg + " page " + page.index() + " words " + page.words().size());
                System.out.println(page.text());
            }
        }
    }
}
