package com.klarefi.extraction.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.bench.LayerCorpusRun;
import com.klarefi.extraction.internal.ExtractionEngine;
import com.klarefi.extraction.internal.decide.Ranker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Leave one template out in the JVM on dumped layers: for each fold (a template suffix, "A" or "B"),
 * the ranker is fitted (weights and keep threshold, see {@link RankerFit}) on the rows of the
 * documents of the other templates only, and every document of the held-out templates is read as a
 * case of its own, by the rule scorer and by that ranker. Writes one prediction line per document
 * and scorer for {@code scripts/bench/score_predictions.py --loto}, and prints the CPU time per
 * one-page born-digital document.
 * Arguments: corpus-dir layers-dir out-file [case-types-dir].
 */
public final class LeaveOneTemplateOut {
    private LeaveOneTemplateOut() {}

    public static void main(String[] args) throws IOException {
        Corpus corpus = Corpus.read(Path.of(args[0]), Path.of(args[1]));
        Map<String, CaseType> types = TrainExtraction.builtIn();
        if (args.length > 3) {
            types.putAll(TrainExtraction.caseTypes(Path.of(args[3])));
        }
        List<TrainingRows.Row> rows = TrainingRows.of(corpus, types, "loto");
        TreeSet<String> folds = new TreeSet<>();
        corpus.cases().forEach(c -> c.documents().forEach(d -> folds.add(d.fold())));
        folds.remove("-");
        ObjectMapper json = new ObjectMapper();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (String fold : folds) {
                Ranker ranker = RankerFit.fit(rows.stream()
                        .filter(row -> row.scope().equals("doc")
                                && !row.fold().equals(fold)
                                && !row.fold().equals("-"))
                        .toList());
                System.out.printf(
                        "held out *_%s: ranker fitted on the other templates keeps from %.2f%n",
                        fold, ranker.keepThreshold());
                Map<String, ExtractionEngine> engines = Map.of(
                        "rule",
                        ExtractionEngine.create(Optional.empty()),
                        "learned",
                        ExtractionEngine.create(Optional.of(ranker)));
                for (var engine : engines.entrySet()) {
                    warmUp(engine.getValue(), corpus, types, fold);
                    List<Long> cpu = new ArrayList<>();
                    for (Corpus.Case corpusCase : corpus.cases()) {
                        for (Corpus.Document document : corpusCase.documents()) {
                            if (!document.fold().equals(fold)) {
                                continue;
                            }
                            long before = threads.getCurrentThreadCpuTime();
                            ExtractionResult result = engine.getValue()
                                    .extract(types.get(corpusCase.caseTypeId()), List.of(document.text()));
                            long spent = threads.getCurrentThreadCpuTime() - before;
                            if (document.rendition().equals("born_digital")
                                    && document.text().pages().size() == 1) {
                                cpu.add(spent);
                            }
                            out.write(json.writeValueAsString(
                                    line(json, corpusCase, document, fold, engine.getKey(), result)));
                            out.newLine();
                        }
                    }
                    List<Long> sorted = cpu.stream().sorted().toList();
                    System.out.printf(
                            "  %-7s CPU per one-page born-digital document: median %.2f ms (n %d)%n",
                            engine.getKey(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6, sorted.size());
                }
            }
        }
    }

    /**
     * Reads the fold's documents once untimed, so that the CPU figures are of a running service
     * (compiled code, warm caches) whichever engine comes first.
     */
    private static void warmUp(ExtractionEngine engine, Corpus corpus, Map<String, CaseType> types, String fold) {
        for (Corpus.Case corpusCase : corpus.cases()) {
            corpusCase.documents().stream()
                    .filter(document -> document.fold().equals(fold))
                    .forEach(document -> engine.extract(types.get(corpusCase.caseTypeId()), List.of(document.text())));
        }
    }

    private static ObjectNode line(
            ObjectMapper json,
            Corpus.Case corpusCase,
            Corpus.Document document,
            String fold,
            String scorer,
            ExtractionResult result) {
        ObjectNode line = json.createObjectNode()
                .put("case", corpusCase.caseId())
                .put("document", document.file())
                .put("fold", fold)
                .put("rendition", document.rendition())
                .put("scorer", scorer);
        LayerCorpusRun.putFeatures(json, line, result);
        return line;
    }
}
