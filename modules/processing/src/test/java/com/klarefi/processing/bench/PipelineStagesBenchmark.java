package com.klarefi.processing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.DocumentText;
import com.klarefi.extraction.api.Extractor;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.platform.config.Settings;
import com.klarefi.processing.internal.fetch.DocumentFetcher;
import com.klarefi.processing.internal.fetch.FetchSettings;
import com.klarefi.processing.internal.text.DocumentReader;
import com.klarefi.processing.internal.text.TextLayerSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processing pipeline's own stages, in one warm JVM: fetch over HTTP from 127.0.0.1, text
 * layers (PDFBox, positioned words) and extraction for every feature of a case type, on as many
 * threads as there are cores, against {@code pdftotext FILE -} with as many processes, over the
 * same born-digital PDFs in the same run. No database, job queue or webhook: what separates the
 * service's end-to-end figure (scripts/bench/pipeline.sh) from this one is the per-document
 * bookkeeping that makes a document durable and announced. Rounds alternate; the median of the
 * rounds' ratios is reported. Reports numbers only; never fails on a time.
 *
 * <p>Arguments: corpus directory, results directory, then optional {@code --threads N},
 * {@code --warmup-seconds S}, {@code --rounds R}, {@code --repeat K}, {@code --case-type ID}.
 */
public final class PipelineStagesBenchmark {
    private PipelineStagesBenchmark() {}

    private record Pdf(String name, Path path, int pages) {}

    private record Round(double servicePagesPerSecond, double toolPagesPerSecond, long cpuNanos, double seconds) {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path results = Path.of(args[1]);
        Map<String, String> options = options(args);
        int threads = Integer.parseInt(options.getOrDefault(
                "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        double warmupSeconds = Double.parseDouble(options.getOrDefault("warmup-seconds", "30"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "3"));
        String caseTypeId = options.getOrDefault("case-type", "motor_claim");

        List<Pdf> pdfs = bornDigital(corpus);
        List<Pdf> work = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            work.addAll(pdfs);
        }
        int pages = work.stream().mapToInt(Pdf::pages).sum();
        CaseType caseType = CaseTypes.builtIn().stream()
                .filter(type -> type.id().equals(caseTypeId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in case type " + caseTypeId));
        Settings defaults = Settings.of(Map.of());
        DocumentFetcher fetcher =
                DocumentFetcher.create(FetchSettings.from(defaults).withAllowedCidrs(List.of("127.0.0.0/8")));
        DocumentReader reader = DocumentReader.create(TextLayerSettings.from(defaults));
        Extractor extractor = Extractor.create();

        ExecutorService serving = Executors.newFixedThreadPool(4);
        HttpServer server = serve(pdfs, serving);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            System.out.printf(
                    "pipeline stages: %d born-digital PDFs (%d pages) x %d per pass, %d threads, case type %s%n",
                    pdfs.size(), pdfs.stream().mapToInt(Pdf::pages).sum(), repeat, threads, caseTypeId);
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int warmups = 0;
            do {
                pass(pool, work, base, fetcher, reader, extractor, caseType);
                warmups++;
            } while (System.nanoTime() < warmupEnd);
            System.out.printf("warm-up: %d passes%n", warmups);
            List<Round> measured = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                long[] stageNanos = pass(pool, work, base, fetcher, reader, extractor, caseType);
                double seconds = (System.nanoTime() - started) / 1e9;
                long cpu = processCpuNanos() - cpuBefore;
                double tool = pdftotext(work, threads, pages);
                measured.add(new Round(pages / seconds, tool, cpu, seconds));
                System.out.printf(
                        "  round %d: pipeline %.1f pages/s (fetch %.2f, text %.2f, extract %.2f ms/doc), pdftotext %.1f pages/s%n",
                        round + 1,
                        pages / seconds,
                        stageNanos[0] / 1e6 / work.size(),
                        stageNanos[1] / 1e6 / work.size(),
                        stageNanos[2] / 1e6 / work.size(),
                        tool);
            }
            report(results, measured, pdfs.size(), pages, threads, repeat, warmups, caseTypeId);
        } finally {
            pool.shutdownNow();
            server.stop(0);
            serving.shutdownNow();
        }
    }

    /** One pass over the work; returns the summed fetch, text and extract nanoseconds. */
    private static long[] pass(
            ExecutorService pool,
            List<Pdf> work,
            String base,
            DocumentFetcher fetcher,
            DocumentReader reader,
            Extractor extractor,
            CaseType caseType)
            throws Exception {
        AtomicLong fetch = new AtomicLong();
        AtomicLong text = new AtomicLong();
        AtomicLong extract = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int index = 0; index < work.size(); index++) {
            Pdf pdf = work.get(index);
            String docId = "doc_" + index;
            running.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                byte[] content = fetcher.fetch(base + pdf.name()).content();
                long t1 = System.nanoTime();
                List<PageLayer> layers = reader.textLayers(content, reader.detect(content));
                long t2 = System.nanoTime();
                if (extractor
                        .extract(caseType, List.of(new DocumentText(docId, layers)))
                        .features()
                        .isEmpty()) {
                    throw new IllegalStateException("extraction returned no features");
                }
                long t3 = System.nanoTime();
                fetch.addAndGet(t1 - t0);
                text.addAndGet(t2 - t1);
                extract.addAndGet(t3 - t2);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return new long[] {fetch.get(), text.get(), extract.get()};
    }

    private static double pdftotext(List<Pdf> work, int parallel, int pages) throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(parallel);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> exits = new ArrayList<>();
            for (Pdf pdf : work) {
                exits.add(processes.submit(
                        () -> new ProcessBuilder("pdftotext", pdf.path().toString(), "-")
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .redirectError(ProcessBuilder.Redirect.DISCARD)
                                .start()
                                .waitFor()));
            }
            for (Future<Integer> exit : exits) {
                if (exit.get() != 0) {
                    throw new IllegalStateException("pdftotext failed");
                }
            }
            return pages / ((System.nanoTime() - started) / 1e9);
        } finally {
            processes.shutdown();
        }
    }

    private static HttpServer serve(List<Pdf> pdfs, ExecutorService executor) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Pdf pdf : pdfs) {
            files.put("/" + pdf.name(), Files.readAllBytes(pdf.path()));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private static List<Pdf> bornDigital(Path corpus) throws IOException, InterruptedException {
        JsonNode manifest =
                new ObjectMapper().readTree(corpus.resolve("manifest.json").toFile());
        List<Pdf> pdfs = new ArrayList<>();
        for (JsonNode kase : manifest.path("cases")) {
            for (JsonNode document : kase.path("documents")) {
                if ("born_digital".equals(document.path("rendition").asText())) {
                    Path path = corpus.resolve(kase.path("path").asText())
                            .resolve(document.path("file").asText());
                    String name = kase.path("case_id").asText() + "-"
                            + document.path("file").asText();
                    pdfs.add(new Pdf(name.replaceAll("[^A-Za-z0-9._-]", "_"), path, pdfPages(path)));
                }
            }
        }
        if (pdfs.isEmpty()) {
            throw new IllegalArgumentException("no born-digital documents in " + corpus);
        }
        return pdfs;
    }

    private static int pdfPages(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfinfo", path.toString())
                .redirectErrorStream(true)
                .start();
        String info = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return info.lines()
                .filter(line -> line.startsWith("Pages:"))
                .map(line -> Integer.parseInt(line.substring(6).strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pdfinfo gave no page count for " + path));
    }

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static void report(
            Path results,
            List<Round> rounds,
            int documents,
            int pages,
            int threads,
            int repeat,
            int warmups,
            String caseTypeId)
            throws IOException {
        List<Double> ratios = rounds.stream()
                .map(r -> r.servicePagesPerSecond() / r.toolPagesPerSecond())
                .sorted()
                .toList();
        double ratio = ratios.get((ratios.size() - 1) / 2);
        Round median = rounds.stream()
                .sorted((a, b) -> Double.compare(a.servicePagesPerSecond(), b.servicePagesPerSecond()))
                .toList()
                .get((rounds.size() - 1) / 2);
        List<Double> tool =
                rounds.stream().map(Round::toolPagesPerSecond).sorted().toList();
        double cpuMsPerPage = median.cpuNanos() / 1e6 / pages;
        System.out.println();
        System.out.println(
                "Pipeline stages in one warm JVM (fetch over loopback + text layers + extraction; no database, jobs or webhooks)");
        System.out.printf(
                "%-26s %10s %16s %18s %22s %24s%n",
                "phase",
                "pages/pass",
                "pipeline pages/s",
                "pdftotext pages/s",
                "ratio (median round)",
                "JVM CPU ms/page (median)");
        System.out.printf(
                "%-26s %10d %16.1f %18.1f %22.2f %24.2f%n",
                "born-digital, one file each",
                pages,
                median.servicePagesPerSecond(),
                tool.get((tool.size() - 1) / 2),
                ratio,
                cpuMsPerPage);
        System.out.println("\ntarget: >= 0.50 of pdftotext");

        Map<String, Object> out = new LinkedHashMap<>();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        out.put("benchmark", "pipeline-stages");
        out.put("measured_at", stamp);
        out.put(
                "parameters",
                Map.of(
                        "threads",
                        threads,
                        "repeat",
                        repeat,
                        "warmup_passes",
                        warmups,
                        "case_type",
                        caseTypeId,
                        "documents",
                        documents));
        out.put("pages_per_pass", pages);
        out.put(
                "pipeline_pages_per_second",
                rounds.stream().map(Round::servicePagesPerSecond).toList());
        out.put(
                "pdftotext_pages_per_second",
                rounds.stream().map(Round::toolPagesPerSecond).toList());
        out.put(
                "ratios",
                rounds.stream()
                        .map(r -> r.servicePagesPerSecond() / r.toolPagesPerSecond())
                        .toList());
        out.put("ratio", ratio);
        out.put(
                "jvm_cpu_ms_per_page",
                rounds.stream().map(r -> r.cpuNanos() / 1e6 / pages).toList());
        out.put("target", 0.5);
        Files.createDirectories(results);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = results.resolve("pipeline-stages-" + stamp + ".json");
        json.writeValue(file.toFile(), out);
        json.writeValue(results.resolve("pipeline-stages-latest.json").toFile(), out);
        System.out.println("\nresults: " + file);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
