package com.klarefi.processing.internal.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.platform.config.Settings;
import com.klarefi.processing.api.DocumentFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Writes every document of a corpus as the service reads it (the product's {@link DocumentReader}:
 * PDFBox, Tesseract for scans, text and e-mail, configured by the same {@code KLAREFI_OCR_*}
 * settings) to one JSON file per document, so evaluations and training read pages in milliseconds
 * instead of recognising them again. Run through {@code scripts/bench/dump-layers.sh}.
 *
 * <p>{@code OUT/<case dir>/<file>.json} holds {@code format} (1), {@code case_id}, {@code file},
 * {@code rendition}, {@code sha256} of the file's bytes, {@code media_type}, {@code ocr_languages}
 * and either {@code pages} (a list of {@link PageLayer}: {@code index}, {@code text}, {@code method},
 * {@code width}, {@code height} and {@code words}, each with {@code charStart}, {@code charEnd},
 * its box {@code x0 y0 x1 y1} and {@code confidence}) or {@code failure} (the failure code). A file
 * whose recorded hash still matches is not read again, so a second run only reads what changed and
 * what failed (an OCR timeout on a loaded machine is worth another try).
 */
public final class LayerDump {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentReader reader;
    private final String ocrLanguages;
    private final Path outDir;

    LayerDump(TextLayerSettings settings, Path outDir) {
        this.reader = DocumentReader.create(settings);
        this.ocrLanguages = settings.ocrLanguages();
        this.outDir = outDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LayerDump CORPUS_DIR OUT_DIR [THREADS]");
            System.exit(2);
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        TextLayerSettings settings = TextLayerSettings.from(Settings.load(System.getenv(), Optional.empty()));
        LayerDump dump = new LayerDump(settings, Path.of(args[1]));
        dump.reader.ocrUnavailableReason().ifPresent(reason -> System.err.println("layer dump: " + reason));
        List<Source> sources = sources(Path.of(args[0]));
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Callable<Outcome>> work = sources.stream()
                    .<Callable<Outcome>>map(source -> () -> {
                        Outcome outcome = dump.write(source);
                        System.err.printf(
                                "%d/%d %s/%s %s%n",
                                done.incrementAndGet(),
                                sources.size(),
                                source.caseDir(),
                                source.file(),
                                outcome.describe());
                        return outcome;
                    })
                    .toList();
            int failed = 0;
            for (Future<Outcome> future : pool.invokeAll(work)) {
                failed += future.get().failure().isPresent() ? 1 : 0;
            }
            System.err.printf("layer dump: %d documents in %s, %d unreadable%n", sources.size(), args[1], failed);
        }
    }

    /** One document of a corpus case, as its expected.json lists it. */
    record Source(Path corpus, String caseDir, String caseId, String file, String rendition) {
        Path path() {
            return corpus.resolve(caseDir).resolve(file);
        }
    }

    /** What writing one document did: read it, or found its dump current; and why it was unreadable. */
    record Outcome(boolean read, int pages, long millis, Optional<String> failure) {
        String describe() {
            return failure.map(code -> "unreadable: " + code)
                    .orElse(read ? pages + " pages in " + millis + " ms" : "current");
        }
    }

    static List<Source> sources(Path corpus) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json")))
                    .sorted()
                    .toList()) {
                JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
                for (JsonNode document : expected.path("documents")) {
                    sources.add(new Source(
                            corpus,
                            dir.getFileName().toString(),
                            expected.path("case_id").asText(),
                            document.path("file").asText(),
                            document.path("rendition").asText(null)));
                }
            }
        }
        return sources;
    }

    Path target(Source source) {
        return outDir.resolve(source.caseDir()).resolve(source.file() + ".json");
    }

    Outcome write(Source source) throws IOException {
        byte[] content = Files.readAllBytes(source.path());
        String sha256 = sha256(content);
        Path target = target(source);
        if (Files.isRegularFile(target)) {
            JsonNode previous = JSON.readTree(target.toFile());
            if (sha256.equals(previous.path("sha256").asText()) && previous.has("pages")) {
                return new Outcome(false, previous.get("pages").size(), 0, Optional.empty());
            }
        }
        MediaType type = reader.detect(content);
        ObjectNode dump = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("case_id", source.caseId())
                .put("file", source.file())
                .put("rendition", source.rendition())
                .put("sha256", sha256)
                .put("media_type", type.mimeType())
                .put("ocr_languages", ocrLanguages);
        long started = System.nanoTime();
        Optional<String> failure = Optional.empty();
        int pages = 0;
        try {
            List<PageLayer> layers = reader.textLayers(content, type);
            pages = layers.size();
            dump.set("pages", JSON.valueToTree(layers));
        } catch (DocumentFailure e) {
            failure = Optional.of(e.codeName());
            dump.put("failure", e.codeName());
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), dump);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(true, pages, (System.nanoTime() - started) / 1_000_000, failure);
    }

    /** The pages of a dump written by {@link #write}; empty when the document was unreadable. */
    static List<PageLayer> read(Path dump) {
        try {
            JsonNode root = JSON.readTree(dump.toFile());
            return root.has("pages") ? List.of(JSON.treeToValue(root.get("pages"), PageLayer[].class)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
