package com.klarefi.processing.internal.text;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Tesseract command line on one image per call. A separate process keeps a crashing or
 * hanging recogniser away from the service: it is killed after the page timeout. One OpenMP
 * thread per process: parallelism comes from the job workers, and Tesseract's own threads make a
 * page 3-6 times slower on a small machine.
 */
final class TesseractOcr {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** Height to width from which an image is a strip: an A4 or letter page is about 1.41 or 1.29. */
    private static final double STRIP_RATIO = 1.6;

    private final TextLayerSettings settings;
    private Optional<String> unavailableReason;

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
        return size.height >= STRIP_RATIO * size.width ? "6" : "3";
    }

    TsvLayout.OcrPage recognise(Path image, Dimension size) {
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
            return TsvLayout.parse(Files.readString(tsv, StandardCharsets.UTF_8));
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
