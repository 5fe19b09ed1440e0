package com.klarefi.processing.internal.text;

import com.klarefi.processing.internal.text.LineReader.Glyph;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Both readings of every word Tesseract finds on a corpus's receipt images, for
 * {@code scripts/bench/line_choice.py} to score against a benchmark's line transcriptions: one row per
 * word with the case, Tesseract's box, text and confidence, and the line recogniser's text and mean
 * probability for that word (its characters as {@link LineWords#assign} gives them). Writes
 * {@code OUT} as tab-separated text.
 *
 * <p>{@code scripts/bench/line-choice.sh CORPUS OUT} runs it.
 */
public final class LineChoiceData {
    private LineChoiceData() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path corpus = Path.of(args[0]);
        List<Path> images;
        try (Stream<Path> cases = Files.list(corpus)) {
            images = cases.map(dir -> dir.resolve("receipt.jpg"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        try (LineReader reader = LineReader.load();
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Path file : images) {
                BufferedImage image = readable(file);
                if (image == null) {
                    continue;
                }
                String name = file.getParent().getFileName().toString();
                TsvLayout.parse(tesseract(file, new Dimension(image.getWidth(), image.getHeight())), words -> {
                    write(out, name, words, reader, image);
                    return words;
                });
                System.out.println(name);
            }
        }
    }

    private static void write(
            PrintWriter out, String name, List<TsvLayout.Box> words, LineReader reader, BufferedImage image) {
        TsvLayout.Box line = TsvLayout.Box.around(words);
        List<Glyph> glyphs = reader.read(image, line.x0(), line.y0(), line.x1(), line.y1());
        int[] wordOf = LineWords.assign(words, glyphs);
        for (int w = 0; w < words.size(); w++) {
            StringBuilder text = new StringBuilder();
            double sum = 0;
            int count = 0;
            for (int g = 0; g < glyphs.size(); g++) {
                if (wordOf[g] == w) {
                    text.append(glyphs.get(g).text());
                    sum += glyphs.get(g).probability();
                    count++;
                }
            }
            TsvLayout.Box word = words.get(w);
            out.printf(
                    Locale.ROOT,
                    "%s\t%d\t%d\t%d\t%d\t%s\t%.3f\t%s\t%.3f%n",
                    name,
                    word.x0(),
                    word.y0(),
                    word.x1(),
                    word.y1(),
                    word.text().replace('\t', ' '),
                    word.confidence(),
                    LineWords.clean(text).replace('\t', ' '),
                    count == 0 ? 0 : sum / count);
        }
    }

    private static BufferedImage readable(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** Tesseract's TSV for the image, run as the service runs it. */
    private static String tesseract(Path image, Dimension size) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "tesseract",
                        image.toString(),
                        "-",
                        "-l",
                        "nld+eng",
                        "--psm",
                        TesseractOcr.segmentationMode(size),
                        "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        String tsv = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return tsv;
    }
}
