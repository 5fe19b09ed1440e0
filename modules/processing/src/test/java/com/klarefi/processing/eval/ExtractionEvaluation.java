package com.klarefi.processing.eval;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.ExtractionResult;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.FeatureResult;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.PageLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Evaluates the extraction engine on the corpus without the HTTP pipeline: case-level decisions
 * against {@code expected} (per feature, and per rendition of the document the decided value's
 * strongest evidence comes from, or for a miss the expected source, as {@code scripts/eval} counts),
 * document-level decisions (each document alone) against its own values per rendition, evidence
 * validity, the calibration of confidences and the CPU time per one-page born-digital document.
 * Pages are read as the service reads them (see {@link ProductLayers}). Run through
 * {@code scripts/bench/extraction-eval.sh}.
 * Identifiers compare without whitespace ("KL 1234" = "KL1234").
 */
public final class ExtractionEvaluation {
    private static final double[] BINS = {0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001};

    private final Extractor extractor = Extractor.create();
    private final Map<String, CaseType> caseTypes = caseTypes();
    private final ProductLayers layers = new ProductLayers(Path.of("target/layer-cache"));
    private final boolean verbose;
    private final Map<String, Tally> caseByFeature = new TreeMap<>();
    private final Map<String, Tally> caseByRendition = new TreeMap<>();
    private final Map<String, Tally> docByRendition = new TreeMap<>();
    private final Map<String, Tally> docByFeature = new TreeMap<>();
    private final int[] binCount = new int[BINS.length - 1];
    private final int[] binCorrect = new int[BINS.length - 1];
    private final List<Long> cpuNanos = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int evidence;
    private int evidenceValid;

    private ExtractionEvaluation(boolean verbose) {
        this.verbose = verbose;
    }

    /**
     * The built-in case types, each replaced by the definition of the same id in the directory
     * {@code KLAREFI_CASE_TYPES_DIR} names (as the service loads an operator's case types).
     */
    private static Map<String, CaseType> caseTypes() {
        Map<String, CaseType> byId = new TreeMap<>(
                CaseTypes.builtIn().stream().collect(Collectors.toMap(CaseType::id, Function.identity())));
        String dir = System.getenv("KLAREFI_CASE_TYPES_DIR");
        if (dir != null && !dir.isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    CaseType caseType = CaseTypes.parse(Files.readString(file));
                    byId.put(caseType.id(), caseType);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("== case types from " + dir + " over the built-ins: " + byId.keySet());
        }
        return byId;
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        Path corpus = Path.of(
                flags.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("/work/shared/corpus"));
        ExtractionEvaluation evaluation = new ExtractionEvaluation(flags.contains("--verbose"));
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("expected.json")))
                    .sorted()
                    .toList()) {
                cases.add(CorpusCase.read(dir));
            }
        }
        evaluation.readAhead(cases);
        for (CorpusCase corpusCase : cases) {
            evaluation.evaluate(corpusCase);
        }
        evaluation.print();
    }

    /** Reads (and caches) every document's layers on two threads first: OCR dominates a cold run. */
    private void readAhead(List<CorpusCase> cases) throws Exception {
        List<Path> files = cases.stream()
                .flatMap(c -> c.documents().stream().map(d -> c.dir().resolve(d.file())))
                .toList();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var future : pool.invokeAll(files.stream()
                    .<Callable<List<PageLayer>>>map(file -> () -> layers.read(file))
                    .toList())) {
                future.get();
            }
        }
    }

    private void evaluate(CorpusCase corpusCase) throws Exception {
        CaseType caseType = caseTypes.get(corpusCase.caseTypeId());
        List<DocumentText> documents = new ArrayList<>();
        Map<String, String> renditions = new HashMap<>();
        for (CorpusCase.CorpusDocument document : corpusCase.documents()) {
            DocumentText text = new DocumentText(
                    corpusCase.caseId() + "/" + document.file(),
                    layers.read(corpusCase.dir().resolve(document.file())));
            documents.add(text);
            renditions.put(text.docId(), document.renditionGroup());
            renditions.put(document.file(), document.renditionGroup());
            evaluateDocument(caseType, document, text);
        }
        ExtractionResult result = extractor.extract(caseType, documents);
        checkEvidence(result, documents);
        for (FeatureResult feature : result.features()) {
            String expected = corpusCase.expected().get(feature.feature().id());
            String rendition = feature.selected().stream()
                    .findFirst()
                    .flatMap(c -> feature.evidence().stream()
                            .filter(e -> e.evidenceId().equals(c.evidenceIds().getFirst()))
                            .findFirst())
                    .map(e -> renditions.get(e.docId()))
                    .orElse(renditions.get(
                            corpusCase.expectedSource().get(feature.feature().id())));
            String outcome = tally(caseByFeature, feature.feature().id(), feature, expected);
            if (rendition != null) {
                tally(caseByRendition, rendition, feature, expected);
            }
            calibrate(feature, expected);
            if (verbose && !outcome.isEmpty()) {
                System.out.println(
                        corpusCase.caseId() + " " + feature.feature().id() + " [" + rendition + "] " + outcome);
            }
        }
    }

    private void evaluateDocument(CaseType caseType, CorpusCase.CorpusDocument document, DocumentText text) {
        long before = threads.getCurrentThreadCpuTime();
        ExtractionResult result = extractor.extract(caseType, List.of(text));
        long spent = threads.getCurrentThreadCpuTime() - before;
        if (document.rendition().equals("born_digital") && text.pages().size() == 1) {
            cpuNanos.add(spent);
        }
        for (FeatureResult feature : result.features()) {
            String expected = document.values().get(feature.feature().id());
            tally(docByRendition, document.rendition(), feature, expected);
            String outcome =
                    tally(docByFeature, feature.feature().id() + " @" + document.rendition(), feature, expected);
            if (verbose && !outcome.isEmpty()) {
                System.out.println(
                        "  doc " + text.docId() + " " + feature.feature().id() + " " + outcome);
            }
        }
    }

    /** Adds a decision to a tally; returns a description when it was wrong or missed, else "". */
    private static String tally(Map<String, Tally> tallies, String key, FeatureResult feature, String expected) {
        String outcome = feature.decision().outcome().wireName();
        String value = feature.selected().stream()
                .findFirst()
                .map(c -> c.valueNormalized())
                .orElse(null);
        boolean correct = value != null && same(feature, value, expected);
        tallies.computeIfAbsent(key, k -> new Tally()).add(expected, outcome, correct);
        tallies.computeIfAbsent("ALL", k -> new Tally()).add(expected, outcome, correct);
        if (correct && outcome.equals("review")) {
            return "review-right got=" + value + " conf="
                    + feature.selected().getFirst().confidence() + " reason="
                    + feature.decision().reason().orElse("");
        }
        if (correct || (expected == null && outcome.equals("missing"))) {
            return "";
        }
        String quote =
                feature.selected().stream().findFirst().map(c -> c.valueRaw()).orElse("");
        return outcome + " got=" + value + " [" + quote.replace("\n", "\\n") + "] expected=" + expected
                + (outcome.equals("keep") ? "  <-- WRONG KEEP" : "") + " | "
                + feature.candidates().stream()
                        .limit(4)
                        .map(c -> c.valueNormalized() + "=" + c.confidence())
                        .collect(Collectors.joining(", "));
    }

    private static boolean same(FeatureResult feature, String value, String expected) {
        if (expected == null) {
            return false;
        }
        if (feature.feature().type() == FeatureType.IDENTIFIER) {
            return value.replaceAll("\\s+", "").equalsIgnoreCase(expected.replaceAll("\\s+", ""));
        }
        return value.equals(expected);
    }

    private void calibrate(FeatureResult feature, String expected) {
        feature.candidates().forEach(candidate -> {
            for (int bin = 0; bin < binCount.length; bin++) {
                if (candidate.confidence() >= BINS[bin] && candidate.confidence() < BINS[bin + 1]) {
                    binCount[bin]++;
                    binCorrect[bin] += same(feature, candidate.valueNormalized(), expected) ? 1 : 0;
                }
            }
        });
    }

    private void checkEvidence(ExtractionResult result, List<DocumentText> documents) {
        for (FeatureResult feature : result.features()) {
            feature.evidence().forEach(item -> {
                evidence++;
                String text = documents.stream()
                        .filter(d -> d.docId().equals(item.docId()))
                        .findFirst()
                        .map(d -> d.pages().stream()
                                .filter(p -> p.index() == item.pageIndex())
                                .findFirst()
                                .map(PageLayer::text)
                                .orElse(null))
                        .orElse(null);
                int start = item.location().charStart();
                int end = item.location().charEnd();
                boolean valid = text != null
                        && start >= 0
                        && end <= text.length()
                        && start < end
                        && Objects.equals(text.substring(start, end), item.quote());
                evidenceValid += valid ? 1 : 0;
            });
        }
    }

    private void print() {
        System.out.println("== case level, per feature (decisions over all available documents vs expected)");
        caseByFeature.forEach((name, tally) -> System.out.println(tally.row(name)));
        System.out.println(
                "\n== case level, per rendition of the decided value's evidence (or of the expected source)");
        caseByRendition.forEach((name, tally) -> System.out.println(tally.row(name)));
        System.out.println("\n== document level, per rendition (each document alone vs its own values)");
        docByRendition.forEach((name, tally) -> System.out.println(tally.row(name)));
        System.out.println("\n== document level, per feature and rendition");
        docByFeature.forEach((name, tally) -> System.out.println(tally.row(name)));
        System.out.println("\n== calibration (case-level candidates)");
        for (int bin = 0; bin < binCount.length; bin++) {
            System.out.printf(
                    Locale.ROOT,
                    "[%.2f, %.2f)  n %5d  correct %.3f%n",
                    BINS[bin],
                    Math.min(BINS[bin + 1], 1.0),
                    binCount[bin],
                    binCount[bin] == 0 ? 0.0 : binCorrect[bin] / (double) binCount[bin]);
        }
        int highN = binCount[binCount.length - 2] + binCount[binCount.length - 1];
        int highOk = binCorrect[binCorrect.length - 2] + binCorrect[binCorrect.length - 1];
        System.out.printf(
                Locale.ROOT,
                "confidence >= 0.9: n %d correct %.3f%n",
                highN,
                highN == 0 ? 0.0 : highOk / (double) highN);
        System.out.printf(Locale.ROOT, "%n== evidence valid %d / %d%n", evidenceValid, evidence);
        List<Long> sorted = cpuNanos.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "== CPU per one-page born-digital document (extraction only, includes warm-up): "
                            + "median %.2f ms, p95 %.2f ms, max %.2f ms, n %d%n",
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                    sorted.getLast() / 1e6,
                    sorted.size());
        }
    }
}
