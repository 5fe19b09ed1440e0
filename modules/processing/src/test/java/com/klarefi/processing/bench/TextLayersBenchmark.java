package com.klarefi.processing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.platform.config.Settings;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.MediaType;
import com.klarefi.processing.internal.text.TextLayerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Times text layers over corpus files and prints milliseconds per page by method. Reports only;
 * it never fails on a slow machine. Run through scripts/bench/text-layers.sh.
 */
public final class TextLayersBenchmark {
    private TextLayersBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        int maxScans = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(Settings.of(Map.of())));
        List<Path> bornDigital = new ArrayList<>();
        List<Path> scans = new ArrayList<>();
        collect(corpus, bornDigital, scans);
        reader.ocrUnavailableReason().ifPresent(reason -> System.out.println("OCR unavailable: " + reason));
        warmUp(reader, bornDigital);
        Map<TextMethod, List<Double>> perPage = new EnumMap<>(TextMethod.class);
        time(reader, bornDigital, perPage);
        if (reader.ocrUnavailableReason().isEmpty()) {
            time(reader, scans.subList(0, Math.min(maxScans, scans.size())), perPage);
        }
        System.out.printf("%-18s %6s %9s %9s %9s%n", "method", "pages", "mean ms", "p50 ms", "p95 ms");
        perPage.forEach((method, times) -> report(method.wireName(), times));
    }

    private static void collect(Path corpus, List<Path> bornDigital, List<Path> scans) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (var cases = Files.list(corpus)) {
            for (Path expected : cases.map(dir -> dir.resolve("expected.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList()) {
                for (JsonNode document : json.readTree(expected.toFile()).path("documents")) {
                    Path file = expected.resolveSibling(document.path("file").asText());
                    switch (document.path("rendition").asText()) {
                        case "born_digital" -> bornDigital.add(file);
                        case "scan_image", "scan_pdf" -> scans.add(file);
                        default -> {}
                    }
                }
            }
        }
    }

    /** The first PDF builds PDFBox's font cache (about a second); keep it out of the numbers. */
    private static void warmUp(DocumentReader reader, List<Path> files) throws IOException {
        for (Path file : files.subList(0, Math.min(5, files.size()))) {
            byte[] content = Files.readAllBytes(file);
            reader.textLayers(content, reader.detect(content));
        }
    }

    private static void time(DocumentReader reader, List<Path> files, Map<TextMethod, List<Double>> perPage)
            throws IOException {
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            MediaType type = reader.detect(content);
            long start = System.nanoTime();
            List<PageLayer> pages = reader.textLayers(content, type);
            double millisPerPage = (System.nanoTime() - start) / 1e6 / pages.size();
            for (PageLayer page : pages) {
                perPage.computeIfAbsent(page.method(), method -> new ArrayList<>())
                        .add(millisPerPage);
            }
        }
    }

    private static void report(String name, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(
                "%-18s %6d %9.1f %9.1f %9.1f%n",
                name, sorted.size(), mean, sorted.get(sorted.size() / 2), sorted.get((int)
                        Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)));
    }
}
