package com.klarefi.extraction.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.PageLayer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the engine over a corpus whose page layers were dumped beforehand (one JSON per document
 * under {@code LAYERS/<case>/<file>.json}, a {@code pages} array of page layers) and writes one JSON
 * line per case: every feature's decision and the normalised values it selected. Scoring is left
 * to {@code scripts/bench/layer-eval.sh}, which applies the benchmark scorer's own comparison.
 * Arguments: corpus-dir layers-dir out-file [case-types-dir]; without a folder the built-in case
 * types are used. Cases whose layers were not dumped are skipped and counted.
 */
public final class LayerCorpusRun {
    private static final TypeReference<List<PageLayer>> PAGES = new TypeReference<>() {
    };

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path layers = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, CaseType> caseTypes = new HashMap<>();
        CaseTypes.builtIn().forEach(type -> caseTypes.put(type.id(), type));
        if (args.length > 3) {
            try (Stream<Path> files = Files.list(Path.of(args[3]))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    CaseType type = CaseTypes.parse(Files.readString(file));
                    caseTypes.put(type.id(), type);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        Extractor extractor = Extractor.create();
        List<Long> cpu = new ArrayList<>();
        int skipped = 0;
        try (Stream<Path> dirs = Files.list(corpus); BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("expected.json"))).sorted().toList()) {
                JsonNode expected = json.readTree(dir.resolve("expected.json").toFile());
                String caseId = expected.get("case_id").asText();
                List<DocumentText> documents = new ArrayList<>();
                if (!Files.isDirectory(layers.resolve(caseId))) {
                    skipped++;
                    continue;
                }
                for (JsonNode document : expected.get("documents")) {
                    String file = document.get("file").asText();
                    JsonNode dump = json.readTree(layers.resolve(caseId).resolve(file + ".json").toFile());
                    if (!dump.has("pages")) {
                        continue; // the document failed to read (its "failure" says why): as the service, no pages
                    }
                    documents.add(new DocumentText(caseId + "/" + file, json.convertValue(dump.get("pages"), PAGES)));
                }
                long before = System.nanoTime();
                ExtractionResult result;
                try {
                    result = extractor.extract(caseTypes.get(expected.get("case_type_id").asText()), documents);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("extraction failed on " + caseId, e);
                }
                int pages = documents.stream().mapToInt(d -> d.pages().size()).sum();
                cpu.add((System.nanoTime() - before) / Math.max(1, pages));
                writer.write(json.writeValueAsString(line(json, caseId, result)));
                writer.newLine();
            }
        }
        List<Long> sorted = cpu.stream().sorted().toList();
        System.out.printf("cases %d (%d without layers skipped), median extraction wall time per page %.2f ms%n", sorted.size(), skipped,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6);
    }

    private static ObjectNode line(ObjectMapper json, String caseId, ExtractionResult result) {
        ObjectNode line = json.createObjectNode().put("case", caseId);
        ObjectNode features = line.putObject("features");
        for (FeatureResult feature : result.features()) {
            ObjectNode node = features.putObject(feature.feature().id())
                    .put("type", feature.feature().type().wireName())
                    .put("decision", feature.decision().outcome().wireName());
            ArrayNode values = node.putArray("values");
            feature.selected().forEach(candidate -> values.add(candidate.valueNormalized()));
            ArrayNode raw = node.putArray("candidates");
            feature.candidates().stream().limit(4).forEach(candidate ->
                    raw.add(candidate.valueNormalized() + " @" + candidate.confidence()));
        }
        return line;
    }
}
