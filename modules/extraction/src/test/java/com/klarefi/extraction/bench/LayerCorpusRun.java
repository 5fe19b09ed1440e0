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
import com.klarefi.extraction.internal.ExtractionEngine;
import java.util.Optional;
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
        // -Dklarefi.scorer=rules: the hand-set rule scorer instead of the shipped ranker, for comparison
        Extractor extractor = "rules".equals(System.getProperty("klarefi.scorer"))
                ? ExtractionEngine.create(Optional.empty()) : Extractor.create();
        List<Long> cpu = new ArrayList<>();
        List<Long> bornDigitalCpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int skipped = 0;
        try (Stream<Path> dirs = Files.list(corpus); BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("expected.json"))).sorted().toList()) {
                JsonNode expected = json.readTree(dir.resolve("expected.json").toFile());
                String caseId = expected.get("case_id").asText();
                List<DocumentText> documents = new ArrayList<>();
                boolean dumped = true;
                for (JsonNode document : expected.get("documents")) {
                    dumped &= Files.exists(layers.resolve(caseId).resolve(document.get("file").asText() + ".json"));
                }
                if (!dumped) {
                    skipped++;
                    continue;
                }
                for (JsonNode document : expected.get("documents")) {
                    String file = document.get("file").asText();
                    JsonNode dump = json.readTree(layers.resolve(caseId).resolve(file + ".json").toFile());
                    DocumentText text = new DocumentText(caseId + "/" + file, json.convertValue(dump.get("pages"), PAGES));
                    documents.add(text);
                    if (document.path("rendition").asText().equals("born_digital") && text.pages().size() == 1) {
                        // as ExtractionEvaluation measures it: the document alone, before its case, caches as they are
                        long start = threads.getCurrentThreadCpuTime();
                        extractor.extract(caseTypes.get(expected.get("case_type_id").asText()), List.of(text));
                        bornDigitalCpu.add(threads.getCurrentThreadCpuTime() - start);
                    }
                }
                long before = System.nanoTime();
                ExtractionResult result = extractor.extract(caseTypes.get(expected.get("case_type_id").asText()), documents);
                int pages = documents.stream().mapToInt(d -> d.pages().size()).sum();
                cpu.add((System.nanoTime() - before) / Math.max(1, pages));
                writer.write(json.writeValueAsString(line(json, caseId, result)));
                writer.newLine();
            }
        }
        List<Long> sorted = cpu.stream().sorted().toList();
        System.out.printf("cases %d (%d without layers skipped), median extraction wall time per page %.2f ms%n", sorted.size(), skipped,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6);
        List<Long> bornDigital = bornDigitalCpu.stream().sorted().toList();
        System.out.printf("CPU per one-page born-digital document read alone (includes warm-up): median %.2f ms, p95 %.2f ms, n %d%n",
                bornDigital.isEmpty() ? 0 : bornDigital.get(bornDigital.size() / 2) / 1e6,
                bornDigital.isEmpty() ? 0 : bornDigital.get(bornDigital.size() * 95 / 100) / 1e6, bornDigital.size());
    }

    private static ObjectNode line(ObjectMapper json, String caseId, ExtractionResult result) {
        ObjectNode line = json.createObjectNode().put("case", caseId);
        putFeatures(json, line, result);
        return line;
    }

    /** Every feature's type, decision, selected values and candidates with their confidence. */
    public static void putFeatures(ObjectMapper json, ObjectNode line, ExtractionResult result) {
        ObjectNode features = line.putObject("features");
        for (FeatureResult feature : result.features()) {
            ObjectNode node = features.putObject(feature.feature().id())
                    .put("type", feature.feature().type().wireName())
                    .put("decision", feature.decision().outcome().wireName());
            ArrayNode values = node.putArray("values");
            feature.selected().forEach(candidate -> values.add(candidate.valueNormalized()));
            ArrayNode candidates = node.putArray("candidates");
            feature.candidates().forEach(candidate -> candidates.add(json.createObjectNode()
                    .put("value", candidate.valueNormalized()).put("confidence", candidate.confidence())));
        }
    }
}
