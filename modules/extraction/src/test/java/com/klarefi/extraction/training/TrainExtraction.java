package com.klarefi.extraction.training;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.internal.decide.Ranker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training command behind {@code scripts/train-extraction}:
 * <pre>
 *   rows CORPUS LAYERS ROWS [OPERATOR_TYPES_DIR]   training rows from a corpus with dumped layers
 *   fit ROWS MODEL                                 the ranker fitted on the rows, written as MODEL
 * </pre>
 * The rows are made with the built-in case types and, if a folder is given, with the case types in it.
 */
public final class TrainExtraction {
    private TrainExtraction() {}

    public static void main(String[] args) {
        switch (args.length > 0 ? args[0] : "") {
            case "rows" -> {
                Corpus corpus = Corpus.read(Path.of(args[1]), Path.of(args[2]));
                List<TrainingRows.Row> rows =
                        rows(corpus, args.length > 4 ? Optional.of(Path.of(args[4])) : Optional.empty());
                TrainingRows.write(rows, Path.of(args[3]));
                System.out.printf(
                        "%d rows from %d cases (%d without layers skipped)%n",
                        rows.size(), corpus.cases().size(), corpus.skipped());
            }
            case "fit" -> {
                Ranker ranker = RankerFit.fit(TrainingRows.read(Path.of(args[1])));
                write(Path.of(args[2]), ranker.format());
                System.out.printf("ranker written to %s, keep from %.2f%n", args[2], ranker.keepThreshold());
            }
            default ->
                throw new IllegalArgumentException("usage: rows CORPUS LAYERS ROWS [TYPES_DIR] | fit ROWS MODEL");
        }
    }

    /** The rows with the built-in case types, then with the operator's over them, if there are any. */
    static List<TrainingRows.Row> rows(Corpus corpus, Optional<Path> operatorTypes) {
        List<TrainingRows.Row> rows = new ArrayList<>(TrainingRows.of(corpus, builtIn(), "builtin"));
        if (operatorTypes.isPresent()) {
            Map<String, CaseType> types = builtIn();
            types.putAll(caseTypes(operatorTypes.get()));
            renumbered(rows, TrainingRows.of(corpus, types, "operator"));
        }
        return rows;
    }

    /** Adds rows after the existing ones, their groups numbered on. */
    private static void renumbered(List<TrainingRows.Row> rows, List<TrainingRows.Row> more) {
        int offset = rows.isEmpty() ? 0 : rows.getLast().group() + 1;
        more.forEach(row -> rows.add(new TrainingRows.Row(
                row.types(),
                row.scope(),
                row.fold(),
                row.caseIndex(),
                row.group() + offset,
                row.gold(),
                row.candidate(),
                row.label(),
                row.signals())));
    }

    public static Map<String, CaseType> builtIn() {
        Map<String, CaseType> types = new LinkedHashMap<>();
        CaseTypes.builtIn().forEach(type -> types.put(type.id(), type));
        return types;
    }

    public static Map<String, CaseType> caseTypes(Path dir) {
        Map<String, CaseType> types = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                CaseType type = CaseTypes.parse(Files.readString(file));
                types.put(type.id(), type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
