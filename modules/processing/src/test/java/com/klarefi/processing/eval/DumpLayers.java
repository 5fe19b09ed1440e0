package com.klarefi.processing.eval;

import java.nio.file.Path;

/** Prints the page text of documents as the service reads them, to look at what the engine sees. */
public final class DumpLayers {
    private DumpLayers() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            for (var page : new ProductLayers(Path.of("target/layer-cache")).read(Path.of(arg))) {
                System.out.println("=== " + arg + " page " + page.index() + " words "
                        + page.words().size());
                System.out.println(page.text());
            }
        }
    }
}
