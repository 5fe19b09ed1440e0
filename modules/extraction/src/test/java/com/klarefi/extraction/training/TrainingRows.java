package com.klarefi.extraction.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.extraction.api.Candidate;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.internal.ExtractionEngine;
import com.klarefi.extraction.internal.decide.Ranker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Training rows: one per candidate the rule engine proposes for an expected feature, with its
 * signals and whether it is the expected value; a feature with no candidate gives one row without
 * signals, so that what the engine misses counts when a threshold is chosen. Each case is read
 * whole ({@code case}) and each document alone ({@code doc}, with its template's fold), so that
 * leave-one-template-out can train on one fold of documents. Numbers only: no text of any document.
 */
public final class TrainingRows {
    private static final String HEADER =
            "types,scope,fold,case,group,gold,candidate,label," + String.join(",", Ranker.SIGNALS);

    /** One row; {@code caseIndex} and {@code group} number the cases and the (run, feature) pairs. */
    public record Row(
            String types,
            String scope,
            String fold,
            int caseIndex,
            int group,
            int gold,
            boolean candidate,
            int label,
            double[] signals) {}

    private TrainingRows() {}

    /** The rows of a corpus read with the rule scorer and the given case types (named {@code typesName}). */
    public static List<Row> of(Corpus corpus, Map<String, CaseType> caseTypes, String typesName) {
        ExtractionEngine engine = ExtractionEngine.create(Optional.empty());
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < corpus.cases().size(); index++) {
            Corpus.Case corpusCase = corpus.cases().get(index);
            CaseType type = caseTypes.get(corpusCase.caseTypeId());
            List<DocumentText> texts =
                    corpusCase.documents().stream().map(Corpus.Document::text).toList();
            read(
                    engine,
                    type,
                    texts,
                    corpusCase.expected(),
                    new Row(typesName, "case", "-", index, 0, 0, false, 0, null),
                    rows);
            for (Corpus.Document document : corpusCase.documents()) {
                read(
                        engine,
                        type,
                        List.of(document.text()),
                        document.expectedAlone(corpusCase),
                        new Row(typesName, "doc", document.fold(), index, 0, 0, false, 0, null),
                        rows);
            }
        }
        return rows;
    }

    private static void read(
            ExtractionEngine engine,
            CaseType type,
            List<DocumentText> texts,
            Map<String, JsonNode> expected,
            Row template,
            List<Row> rows) {
        Map<String, List<Map.Entry<Candidate, double[]>>> seen = new LinkedHashMap<>();
        engine.extract(
                type,
                texts,
                (feature, candidate, signals) -> seen.computeIfAbsent(feature.id(), id -> new ArrayList<>())
                        .add(Map.entry(candidate, signals)));
        for (FeatureDefinition feature : type.features()) {
            if (!expected.containsKey(feature.id())) {
                continue;
            }
            JsonNode gold = expected.get(feature.id());
            int group = rows.isEmpty() ? 0 : rows.getLast().group() + 1;
            List<Map.Entry<Candidate, double[]>> candidates = seen.getOrDefault(feature.id(), List.of());
            if (candidates.isEmpty()) {
                rows.add(new Row(
                        template.types(),
                        template.scope(),
                        template.fold(),
                        template.caseIndex(),
                        group,
                        Gold.count(gold),
                        false,
                        0,
                        new double[Ranker.SIGNALS.size()]));
            }
            for (Map.Entry<Candidate, double[]> candidate : candidates) {
                boolean right = Gold.matches(candidate.getKey().valueNormalized(), gold, feature.type());
                rows.add(new Row(
                        template.types(),
                        template.scope(),
                        template.fold(),
                        template.caseIndex(),
                        group,
                        Gold.count(gold),
                        true,
                        right ? 1 : 0,
                        rounded(candidate.getValue())));
            }
        }
    }

    /** Signals to four decimals: the rows file stays small and reads back exactly as written. */
    private static double[] rounded(double[] signals) {
        double[] out = new double[signals.length];
        for (int i = 0; i < signals.length; i++) {
            out[i] = Double.parseDouble(number(signals[i]));
        }
        return out;
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    public static void write(List<Row> rows, Path file) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row row : rows) {
            out.append(row.types())
                    .append(',')
                    .append(row.scope())
                    .append(',')
                    .append(row.fold())
                    .append(',')
                    .append(row.caseIndex())
                    .append(',')
                    .append(row.group())
                    .append(',')
                    .append(row.gold())
                    .append(',')
                    .append(row.candidate() ? 1 : 0)
                    .append(',')
                    .append(row.label());
            for (double signal : row.signals()) {
                out.append(',').append(number(signal));
            }
            out.append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
                throw new IllegalStateException(
                        file + " holds rows of other signals: make them again with scripts/train-extraction");
            }
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                double[] signals = new double[Ranker.SIGNALS.size()];
                for (int i = 0; i < signals.length; i++) {
                    signals[i] = Double.parseDouble(cells[8 + i]);
                }
                rows.add(new Row(
                        cells[0],
                        cells[1],
                        cells[2],
                        Integer.parseInt(cells[3]),
                        Integer.parseInt(cells[4]),
                        Integer.parseInt(cells[5]),
                        cells[6].equals("1"),
                        Integer.parseInt(cells[7]),
                        signals));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
