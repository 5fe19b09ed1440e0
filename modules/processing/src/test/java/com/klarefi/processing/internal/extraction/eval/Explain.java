package com.klarefi.processing.internal.extraction.eval;

import com.klarefi.processing.api.CaseTypes;
import com.klarefi.processing.api.DocumentText;
import com.klarefi.processing.api.Extractor;
import java.nio.file.Path;
import java.util.List;

/** Prints the candidates of one feature for one file: {@code Explain <case type> <feature> <file>}. */
public final class Explain {
    private Explain() {
    }

    public static void main(String[] args) throws Exception {
        var caseType = CaseTypes.builtIn().stream().filter(t -> t.id().equals(args[0])).findFirst().orElseThrow();
        Path file = Path.of(args[2]);
        String name = file.getFileName().toString();
        var pages = new ProductLayers(Path.of("target/layer-cache")).read(file);
        var result = Extractor.create().extract(caseType, List.of(new DocumentText(name, pages)));
        var feature = result.feature(args[1]).orElseThrow();
        var layout = com.klarefi.processing.internal.extraction.layout.PageLayout.of(pages.getFirst());
        var hits = new com.klarefi.processing.internal.extraction.layout.LabelFinder(caseType).find(layout);
        hits.forEach(hit -> System.out.println("label [" + pages.getFirst().text().substring(hit.start(), hit.end()) + "] " + hit.features()));
        System.out.println(feature.decision());
        feature.candidates().forEach(c -> System.out.println(c.valueNormalized() + " " + c.confidence() + " [" + c.valueRaw() + "]"));
    }
}
