package com.klarefi.processing.internal.extraction.eval;

import com.klarefi.processing.api.PageLayer;
import com.klarefi.processing.api.TextMethod;
import com.klarefi.processing.api.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Page layers of scanned images through the Tesseract command line (TSV output), cached by file
 * hash because OCR takes about a second per page. Scanned PDFs are left out: rasterising them is
 * the text layer's job, not the evaluation's.
 */
final class OcrLayers {
    private final Path cacheDir;

    OcrLayers(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    List<PageLayer> read(Path image) throws IOException, InterruptedException {
        String tsv = tsv(image);
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        String lastLine = null;
        float width = 0, height = 0;
        for (String row : tsv.split("\n")) {
            String[] cols = row.split("\t", -1);
            if (cols.length < 12 || cols[0].equals("level")) {
                continue;
            }
            if (cols[0].equals("1")) {
                width = Float.parseFloat(cols[8]);
                height = Float.parseFloat(cols[9]);
            }
            if (!cols[0].equals("5") || cols[11].isBlank()) {
                continue;
            }
            String line = cols[2] + "/" + cols[3] + "/" + cols[4];
            if (lastLine != null) {
                text.append(line.equals(lastLine) ? " " : "\n");
            }
            lastLine = line;
            float left = Float.parseFloat(cols[6]);
            float top = Float.parseFloat(cols[7]);
            int start = text.length();
            text.append(cols[11]);
            words.add(new Word(start, text.length(), left, top, left + Float.parseFloat(cols[8]),
                    top + Float.parseFloat(cols[9]), Math.max(0, Float.parseFloat(cols[10])) / 100f));
        }
        return List.of(new PageLayer(0, text.toString(), TextMethod.OCR, width, height, words));
    }

    private String tsv(Path image) throws IOException, InterruptedException {
        byte[] bytes = Files.readAllBytes(image);
        String hash;
        try {
            hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path cached = cacheDir.resolve(hash + ".tsv");
        if (Files.exists(cached)) {
            return Files.readString(cached, StandardCharsets.UTF_8);
        }
        ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "nld+eng", "tsv");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("tesseract failed on " + image.getFileName());
        }
        Files.createDirectories(cacheDir);
        Files.writeString(cached, out, StandardCharsets.UTF_8);
        return out;
    }
}
