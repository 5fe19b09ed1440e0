package com.klarefi.extraction.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.internal.ExtractionEngine;
import com.klarefi.extraction.training.Corpus;
import com.klarefi.extraction.training.TrainExtraction;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the engine over a corpus whose page layers were dumped beforehand (one JSON per document
 * under {@code LAYERS/<case>/<file>.json}, a {@code pages} array of page layers) and writes one JSON
 * line per case: every feature's decision and the normalised values it selected. Scoring is left
 * to {@code scripts/bench/layer-eval.sh}, which applies the benchmark scorer's own comparison.
 * Arguments: corpus-dir layers-dir out-file [case-types-dir]; without a folder the built-in case
 * types are used. Cases whose layers were not dumped are skipped and counted.
 */
public final class LayerCorpusRun {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path layers = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, CaseType> caseTypes = TrainExtraction.builtIn();
        if (args.length > 3) {
            caseTypes.putAll(TrainExtraction.caseTypes(Path.of(args[3])));
        }
        ObjectMapper json = new ObjectMapper();
        // -Dklarefi.scorer=rules: the hand-set rule scorer instead of the shipped ranker, for comparison
        Extractor extractor = "rules".equals(System.getProperty("klarefi.scorer"))
                ? ExtractionEngine.create(Optional.empty())
                : Extractor.create();
        List<Long> cpu = new ArrayList<>();
        List<Long> bornDigitalCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Corpus read = Corpus.read(corpus, layers);
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (Corpus.Case corpusCase : read.cases()) {
                CaseType caseType = caseTypes.get(corpusCase.caseTypeId());
                for (Corpus.Document document : corpusCase.documents()) {
                    if (document.rendition().equals("born_digital")
                            && document.text().pages().size() == 1) {
                        // as ExtractionEvaluation measures it: the document alone, before its case, caches as they are
                        long start = threads.getCurrentThreadCpuTime();
                        extractor.extract(caseType, List.of(document.text()));
                        bornDigitalCpu.add(threads.getCurrentThreadCpuTime() - start);
                    }
                }
                List<DocumentText> documents = corpusCase.documents().stream()
                        .map(Corpus.Document::text)
                        .toList();
                long before = System.nanoTime();
                ExtractionResult result = extractor.extract(caseType, documents);
                int pages = documents.stream().mapToInt(d -> d.pages().size()).sum();
                cpu.add((System.nanoTime() - before) / Math.max(1, pages));
                writer.write(json.writeValueAsString(line(json, corpusCase.caseId(), result)));
                writer.newLine();
            }
        }
        int skipped = read.skipped();
        List<Long> sorted = cpu.stream().sorted().toList();
        System.out.printf(
                "cases %d (%d without layers skipped), median extraction wall time per page %.2f ms%n",
                sorted.size(), skipped, sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6);
        List<Long> bornDigital = bornDigitalCpu.stream().sorted().toList();
        System.out.printf(
                "CPU per one-page born-digital document read alone (includes warm-up): median %.2f ms, p95 %.2f ms, n %d%n",
                bornDigital.isEmpty() ? 0 : bornDigital.get(bornDigital.size() / 2) / 1e6,
                bornDigital.isEmpty() ? 0 : bornDigital.get(bornDigital.size() * 95 / 100) / 1e6,
                bornDigital.size());
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
            feature.candidates()
                    .forEach(candidate -> candidates.add(json.createObjectNode()
                            .put("value", candidate.valueNormalized())
                            .put("confidence", candidate.confidence())));
        }
    }
}
