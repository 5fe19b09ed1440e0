package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the Tesseract command line on one image per call. A separate process keeps a crashing or
 * hanging recogniser away from the service: it is killed after the page timeout. One OpenMP
 * thread per process: parallelism comes from the job workers, and Tesseract's own threads make a
 * page 3-6 times slower on a small machine.
 *
 * <p>On the scans {@link TextLayerSettings#lineReading()} names, each line Tesseract found is read
 * again by the {@link LineReader}, in this process, and {@link LineWords} keeps Tesseract's boxes with
 * the line recogniser's text. Where ONNX Runtime cannot run, Tesseract's reading stands alone, and
 * that is logged once.
 */
final class TesseractOcr {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** Height to width from which an image is a strip: an A4 or letter page is about 1.41 or 1.29. */
    private static final double STRIP_RATIO = 1.6;
    /**
     * Below this mean word confidence Tesseract is unsure of a page: a receipt photographed or
     * scanned wide. The development corpus's scans of forms, letters and reports read at 0.885 or
     * more (0.935 at the median); SROIE's receipts at 0.817 at the median.
     */
    static final double UNSURE_CONFIDENCE = 0.85;

    private static final System.Logger LOG = System.getLogger(TesseractOcr.class.getName());

    private final TextLayerSettings settings;
    private Optional<String> unavailableReason;
    private Optional<LineReader> lineReader;

    TesseractOcr(TextLayerSettings settings) {
        this.settings = settings;
    }

    /** Checked on first use and remembered: whether the command runs and has every language. */
    synchronized Optional<String> unavailableReason() {
        if (unavailableReason == null) {
            unavailableReason = probe();
        }
        return unavailableReason;
    }

    /**
     * The page segmentation mode for an image of this size. A strip much taller than wide, such as a
     * till receipt, is one column of lines: read as one block (mode 6), Tesseract keeps its small
     * right-aligned dates and amounts, which its automatic page layout (mode 3) drops as noise on
     * such strips. Pages of ordinary proportions keep the automatic layout, which separates columns.
     */
    static String segmentationMode(Dimension size) {
        return strip(size) ? "6" : "3";
    }

    /** Whether an image of this size is a strip, such as a till receipt. */
    static boolean strip(Dimension size) {
        return size.height >= STRIP_RATIO * size.width;
    }

    /**
     * Whether the line recogniser reads an image of this size again, under these settings, after
     * Tesseract read it as {@code page}.
     */
    static boolean rereads(TextLayerSettings.LineReading reading, Dimension size, TsvLayout.OcrPage page) {
        return switch (reading) {
            case ALL -> true;
            case UNSURE -> strip(size) || unsure(page);
            case STRIPS -> strip(size);
            case OFF -> false;
        };
    }

    /** Whether Tesseract's mean word confidence on the page is under {@link #UNSURE_CONFIDENCE}. */
    static boolean unsure(TsvLayout.OcrPage page) {
        double sum = 0;
        for (var word : page.words()) {
            sum += word.confidence();
        }
        return !page.words().isEmpty() && sum / page.words().size() < UNSURE_CONFIDENCE;
    }

    /** The line recogniser, loaded on first use; empty where ONNX Runtime cannot run. */
    synchronized Optional<LineReader> lineReader() {
        if (lineReader == null) {
            try {
                lineReader = Optional.of(LineReader.load());
            } catch (RuntimeException | LinkageError e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "the line recogniser cannot run here ({0}); scans are read by Tesseract alone",
                        e.toString());
                lineReader = Optional.empty();
            }
        }
        return lineReader;
    }

    /**
     * Reads one image file: Tesseract, and then the line recogniser where the settings ask for it, on
     * the pixels {@code pixels} gives (decoded only then).
     */
    TsvLayout.OcrPage recognise(Path image, Dimension size, Supplier<BufferedImage> pixels) {
        String tsv = tsv(image, size);
        TsvLayout.OcrPage page = TsvLayout.parse(tsv);
        if (rereads(settings.lineReading(), size, page)) {
            Optional<LineReader> reader = lineReader();
            if (reader.isPresent()) {
                return TsvLayout.parse(tsv, new Rereader(reader.get(), pixels, size));
            }
        }
        return page;
    }

    /**
     * Reads each line again from the image, which is decoded on the first line, possibly smaller than
     * Tesseract read it: boxes are scaled to it and the characters' places back.
     */
    private static final class Rereader implements TsvLayout.LineRereader {
        private final LineReader reader;
        private final Supplier<BufferedImage> pixels;
        private final Dimension size;
        private BufferedImage image;
        private double scale;

        Rereader(LineReader reader, Supplier<BufferedImage> pixels, Dimension size) {
            this.reader = reader;
            this.pixels = pixels;
            this.size = size;
        }

        @Override
        public List<TsvLayout.Box> reread(List<TsvLayout.Box> words) {
            if (image == null) {
                image = pixels.get();
                scale = image.getWidth() / (double) size.width;
            }
            TsvLayout.Box line = TsvLayout.Box.around(words);
            List<LineReader.Glyph> glyphs;
            try {
                glyphs = reader.read(
                        image,
                        (int) Math.floor(line.x0() * scale),
                        (int) Math.floor(line.y0() * scale),
                        (int) Math.ceil(line.x1() * scale),
                        (int) Math.ceil(line.y1() * scale));
            } catch (RuntimeException e) {
                // One line the model cannot read keeps Tesseract's reading; the page goes on.
                LOG.log(System.Logger.Level.WARNING, "the line recogniser failed on a line: {0}", e.toString());
                return words;
            }
            return LineWords.merge(words, scale == 1.0 ? glyphs : unscaled(glyphs, scale));
        }
    }

    /** Characters read on an image {@code scale} times the page's size, placed on the page. */
    static List<LineReader.Glyph> unscaled(List<LineReader.Glyph> glyphs, double scale) {
        return glyphs.stream()
                .map(glyph -> new LineReader.Glyph(glyph.text(), glyph.x() / scale, glyph.probability()))
                .toList();
    }

    TsvLayout.OcrPage recognise(Path image, Dimension size) {
        return TsvLayout.parse(tsv(image, size));
    }

    /** Tesseract's TSV output for one image. */
    private String tsv(Path image, Dimension size) {
        unavailableReason().ifPresent(reason -> {
            throw new DocumentFailure(Code.OCR_UNAVAILABLE, reason);
        });
        Path tsv = image.resolveSibling(image.getFileName() + ".tsv");
        List<String> command = List.of(
                settings.tesseractCommand(),
                image.toString(),
                "-",
                "-l",
                settings.ocrLanguages(),
                "--psm",
                segmentationMode(size),
                "tsv");
        int exit = run(command, tsv, settings.ocrPageTimeout());
        if (exit != 0) {
            throw new DocumentFailure(Code.OCR_FAILED, "text recognition failed with exit code " + exit);
        }
        try {
            return Files.readString(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DocumentFailure(Code.OCR_FAILED, "text recognition produced no readable output", false, null, e);
        }
    }

    private Optional<String> probe() {
        try {
            Path output = Files.createTempFile("klarefi-ocr-languages", ".txt");
            try {
                int exit = run(List.of(settings.tesseractCommand(), "--list-langs"), output, PROBE_TIMEOUT);
                List<String> installed =
                        Files.readAllLines(output).stream().map(String::strip).toList();
                List<String> missing = Arrays.stream(settings.ocrLanguages().split("\\+"))
                        .filter(language -> !installed.contains(language))
                        .toList();
                if (exit != 0) {
                    return Optional.of("Tesseract at '" + settings.tesseractCommand()
                            + "' cannot list its languages (exit code " + exit + ")");
                }
                if (!missing.isEmpty()) {
                    return Optional.of("Tesseract at '" + settings.tesseractCommand() + "' lacks the languages "
                            + missing + " (install their tesseract-ocr-<language> packages)");
                }
                return Optional.empty();
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException | DocumentFailure e) {
            return Optional.of("Tesseract cannot be run as '" + settings.tesseractCommand() + "' (install the "
                    + "Debian packages tesseract-ocr, tesseract-ocr-nld and tesseract-ocr-eng, or set "
                    + TextLayerSettings.OCR_COMMAND + ")");
        }
    }

    private static int run(List<String> command, Path stdout, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DocumentFailure(
                    Code.OCR_UNAVAILABLE,
                    "Tesseract cannot be started as '" + command.getFirst() + "'",
                    false,
                    null,
                    e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DocumentFailure(
                        Code.OCR_FAILED,
                        "text recognition of a page took longer than " + timeout.toSeconds() + " s",
                        true,
                        null,
                        null);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DocumentFailure(Code.OCR_FAILED, "text recognition was interrupted", true, null, e);
        }
    }
}
