package com.klarefi.extraction.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.internal.layout.LabelFinder;
import com.klarefi.extraction.internal.layout.PageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the labels found on the first page and the candidates of one feature for one document:
 * {@code Explain <case type> <feature> <page-layers.json>}. The page layers are a JSON list of
 * {@link PageLayer}s, as {@code scripts/bench/extraction-eval.sh} caches every document it reads in
 * {@code modules/processing/target/layer-cache}, or a layer dump. {@code KLAREFI_CASE_TYPES_DIR} names a folder
 * whose case type of that id replaces the built-in one.
 */
public final class Explain {
    private static final TypeReference<List<PageLayer>> PAGES = new TypeReference<>() {
    };

    private Explain() {
    }

    public static void main(String[] args) throws Exception {
        String dir = System.getenv("KLAREFI_CASE_TYPES_DIR");
        var caseType = dir != null && Files.exists(Path.of(dir, args[0] + ".json"))
                ? CaseTypes.parse(Files.readString(Path.of(dir, args[0] + ".json")))
                : CaseTypes.builtIn().stream().filter(t -> t.id().equals(args[0])).findFirst().orElseThrow();
        Path file = Path.of(args[2]);
        String name = file.getFileName().toString();
        ObjectMapper json = new ObjectMapper();
        var tree = json.readTree(file.toFile());
        // a layer dump (scripts/bench/dump-layers.sh) holds the pages under "pages"
        List<PageLayer> pages = json.convertValue(tree.isArray() ? tree : tree.get("pages"), PAGES);
        var result = Extractor.create().extract(caseType, List.of(new DocumentText(name, pages)));
        var feature = result.feature(args[1]).orElseThrow();
        var layout = PageLayout.of(pages.getFirst());
        var hits = new LabelFinder(caseType).find(layout);
        hits.forEach(hit -> System.out.println("label [" + pages.getFirst().text().substring(hit.start(), hit.end()) + "] " + hit.similarities()
                + (hit.context() ? " context " + hit.contextSimilarity() : "")));
        System.out.println(feature.decision());
        feature.candidates().forEach(c -> System.out.println(c.valueNormalized() + " " + c.confidence() + " [" + c.valueRaw() + "]"));
    }
}
