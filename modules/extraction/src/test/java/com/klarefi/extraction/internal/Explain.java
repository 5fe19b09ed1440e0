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
    private static final TypeReference<List<PageLayer>> PAGES = new TypeReference<>() {};

    private Explain() {}

    private static String clues(com.klarefi.extraction.internal.decide.Sighting sighting) {
        StringBuilder out = new StringBuilder();
        for (var clue : com.klarefi.extraction.internal.decide.Clue.values()) {
            if (sighting.clue(clue) != 0) {
                out.append(clue.name().toLowerCase(java.util.Locale.ROOT))
                        .append('=')
                        .append(String.format(java.util.Locale.ROOT, "%.2f", sighting.clue(clue)))
                        .append(' ');
            }
        }
        return out.toString().strip();
    }

    public static void main(String[] args) throws Exception {
        String dir = System.getenv("KLAREFI_CASE_TYPES_DIR");
        var caseType = dir != null && Files.exists(Path.of(dir, args[0] + ".json"))
                ? CaseTypes.parse(Files.readString(Path.of(dir, args[0] + ".json")))
                : CaseTypes.builtIn().stream()
                        .filter(t -> t.id().equals(args[0]))
                        .findFirst()
                        .orElseThrow();
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
        hits.forEach(
                hit -> System.out.println("label [" + pages.getFirst().text().substring(hit.start(), hit.end()) + "] "
                        + hit.similarities() + (hit.context() ? " context " + hit.contextSimilarity() : "")));
        System.out.println(feature.decision());
        feature.candidates()
                .forEach(c ->
                        System.out.println(c.valueNormalized() + " " + c.confidence() + " [" + c.valueRaw() + "]"));
        // every sighting of the feature, before candidates are merged and weak ones dropped, with its clues
        var definition = caseType.features().stream()
                .filter(f -> f.id().equals(args[1]))
                .findFirst()
                .orElseThrow();
        for (PageLayer page : pages) {
            new PageReader(
                            caseType,
                            new com.klarefi.extraction.internal.recognise.Recognisers(),
                            new LabelFinder(caseType),
                            name,
                            page)
                    .read()
                    .get(definition.id())
                    .forEach(s -> System.out.println(
                            "sighting p" + page.index() + " [" + s.evidence().quote() + "] support "
                                    + String.format(java.util.Locale.ROOT, "%.3f", s.support()) + " " + clues(s)));
        }
    }
}
