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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The development corpus out of sample: the cases are split in {@link RankerFit#FOLDS} folds (by
 * their order), and each fold's cases are read whole by a ranker fitted, as the shipped one is, on
 * the rows of the other folds' cases only. Writes one prediction line per case for
 * {@code scripts/bench/score_predictions.py}.
 * Arguments: corpus-dir layers-dir out-file [operator-case-types-dir]; with a folder, the rows are
 * made with the built-in and the operator's case types, and the cases are read with the operator's.
 */
public final class CaseFolds {
    private CaseFolds() {}

    public static void main(String[] args) throws IOException {
        Corpus corpus = Corpus.read(Path.of(args[0]), Path.of(args[1]));
        Optional<Path> operator = args.length > 3 ? Optional.of(Path.of(args[3])) : Optional.empty();
        List<TrainingRows.Row> rows = TrainExtraction.rows(corpus, operator);
        Map<String, CaseType> types = TrainExtraction.builtIn();
        operator.ifPresent(dir -> types.putAll(TrainExtraction.caseTypes(dir)));
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (int fold = 0; fold < RankerFit.FOLDS; fold++) {
                final int held = fold;
                Ranker ranker = RankerFit.fit(rows.stream()
                        .filter(row -> row.caseIndex() % RankerFit.FOLDS != held)
                        .toList());
                System.out.printf(
                        "fold %d: ranker fitted on the other folds' cases keeps from %.2f%n",
                        fold, ranker.keepThreshold());
                ExtractionEngine engine = ExtractionEngine.create(Optional.of(ranker));
                for (int index = held; index < corpus.cases().size(); index += RankerFit.FOLDS) {
                    Corpus.Case corpusCase = corpus.cases().get(index);
                    ExtractionResult result = engine.extract(
                            types.get(corpusCase.caseTypeId()),
                            corpusCase.documents().stream()
                                    .map(Corpus.Document::text)
                                    .toList());
                    ObjectNode line = json.createObjectNode().put("case", corpusCase.caseId());
                    LayerCorpusRun.putFeatures(json, line, result);
                    out.write(json.writeValueAsString(line));
                    out.newLine();
                }
            }
        }
    }
}
