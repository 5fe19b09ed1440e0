package com.klarefi.processing.internal.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A second recogniser for the lines Tesseract finds: PaddleOCR's PP-OCRv4 recognition model (Apache
 * 2.0), run by ONNX Runtime in the service's process. Tesseract finds lines and words well on a till
 * receipt's thermal print but misreads its characters; this model, trained on such print, reads one
 * line image at a time and emits a character per column of the image (CTC), so each character comes
 * with the place it was read, which {@link LineWords} uses to keep Tesseract's word boxes.
 *
 * <p>The model takes a line scaled to 48 pixels high, colours scaled to -1..1 in blue, green, red
 * order, at least 320 pixels wide (narrower lines are padded), and gives one column of
 * probabilities per 8 pixels: index 0 is "no character", the others the alphabet file's lines and a
 * space. One thread per call: parallelism comes from the document workers, as for Tesseract.
 */
final class LineReader implements AutoCloseable {
    static final String MODEL = "ch_PP-OCRv4_rec_infer.onnx";
    static final String ALPHABET = "ppocr_keys_v1.txt";
    private static final int HEIGHT = 48;
    private static final int STEP = 8;
    private static final int MIN_WIDTH = 320;
    /** The widest line image read, in model pixels: a line of about 200 characters. */
    private static final int MAX_WIDTH = 3200;
    /**
     * Characters read with less probability are left out: in a wide gap between a receipt's columns
     * the model makes up a character or two, some at about 0.15. ({@link LineWords} also leaves out
     * what was read away from every word Tesseract found.)
     */
    static final float MIN_GLYPH_PROBABILITY = 0.2f;

    /** One character read, at {@code x} pixels of the page image, with the model's probability. */
    record Glyph(String text, double x, float probability) {
        boolean space() {
            return text.isBlank();
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String input;
    private final List<String> alphabet;

    private LineReader(OrtEnvironment environment, OrtSession session, List<String> alphabet) {
        this.environment = environment;
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        this.alphabet = alphabet;
    }

    /** Loads the model from this module's resources; fails if ONNX Runtime cannot run here. */
    static LineReader load() {
        try {
            byte[] model = resource(MODEL);
            List<String> alphabet = new ArrayList<>(new String(resource(ALPHABET), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
            alphabet.add(" ");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                // Line images differ in width on every call: a memory pattern planned for one
                // shape is of no use for the next, and the arena would keep the widest line's memory.
                options.setMemoryPatternOptimization(false);
                options.setCPUArenaAllocator(false);
                return new LineReader(
                        environment, environment.createSession(model, options), Collections.unmodifiableList(alphabet));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the line recogniser's model cannot be loaded", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = LineReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the line recogniser's resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the part of {@code image} between {@code x0..x1} and {@code y0..y1} (pixels, the line's
     * box) with a margin of a sixth of its height above and below and a third to each side, as the
     * model was trained on boxes a little larger than their text.
     */
    List<Glyph> read(BufferedImage image, int x0, int y0, int x1, int y1) {
        int height = y1 - y0;
        int marginY = Math.max(2, height / 6);
        int marginX = Math.max(2, height / 3);
        int left = Math.max(0, x0 - marginX);
        int top = Math.max(0, y0 - marginY);
        int right = Math.min(image.getWidth(), x1 + marginX);
        int bottom = Math.min(image.getHeight(), y1 + marginY);
        int cropWidth = right - left;
        int cropHeight = bottom - top;
        if (cropWidth < 4 || cropHeight < 4) {
            return List.of();
        }
        int scaled = Math.clamp((long) Math.ceil(HEIGHT * (double) cropWidth / cropHeight), 1, MAX_WIDTH);
        int width = Math.max(MIN_WIDTH, scaled);
        float[] pixels = pixels(image, left, top, cropWidth, cropHeight, scaled, width);
        float[] columns = run(pixels, width);
        int classes = alphabet.size() + 1;
        double pixelsPerStep = STEP * (double) cropWidth / scaled;
        return decode(columns, classes, Math.min(columns.length / classes, scaled / STEP + 1), left, pixelsPerStep);
    }

    /** The model's columns of probabilities, one row of {@code classes} per 8 pixels, in one array. */
    private float[] run(float[] pixels, int width) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(
                        environment, FloatBuffer.wrap(pixels), new long[] {1, 3, HEIGHT, width});
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] shape = output.getInfo().getShape();
            if (shape.length != 3 || shape[2] != alphabet.size() + 1) {
                throw new IllegalStateException("the line recogniser's model gives columns of shape "
                        + Arrays.toString(shape) + ", not of the alphabet's " + (alphabet.size() + 1));
            }
            FloatBuffer buffer = output.getFloatBuffer();
            float[] columns = new float[buffer.remaining()];
            buffer.get(columns);
            return columns;
        } catch (OrtException e) {
            throw new IllegalStateException("the line recogniser failed on a line", e);
        }
    }

    /** CTC's greedy reading: the likeliest index per column, repeats merged, "no character" dropped. */
    private List<Glyph> decode(float[] columns, int classes, int used, int left, double pixelsPerStep) {
        List<Glyph> glyphs = new ArrayList<>();
        int previous = 0;
        int runStart = 0;
        for (int step = 0; step <= used; step++) {
            int best = 0;
            if (step < used) {
                int at = step * classes;
                for (int index = 1; index < classes; index++) {
                    if (columns[at + index] > columns[at + best]) {
                        best = index;
                    }
                }
            }
            if (best != previous || step == used) {
                if (previous != 0 && previous <= alphabet.size()) {
                    double middle = (runStart + step) / 2.0;
                    float probability = 0f;
                    for (int s = runStart; s < step; s++) {
                        probability = Math.max(probability, columns[s * classes + previous]);
                    }
                    if (probability >= MIN_GLYPH_PROBABILITY) {
                        glyphs.add(new Glyph(alphabet.get(previous - 1), left + middle * pixelsPerStep, probability));
                    }
                }
                previous = best;
                runStart = step;
            }
        }
        return glyphs;
    }

    /** The crop scaled bilinearly to {@code scaled} x 48, padded with 0 to {@code width}, planes B, G, R. */
    private static float[] pixels(
            BufferedImage image, int left, int top, int cropWidth, int cropHeight, int scaled, int width) {
        int[] rgb = image.getRGB(left, top, cropWidth, cropHeight, null, 0, cropWidth);
        int plane = HEIGHT * width;
        float[] pixels = new float[3 * plane];
        double scaleY = cropHeight / (double) HEIGHT;
        double scaleX = cropWidth / (double) scaled;
        for (int y = 0; y < HEIGHT; y++) {
            double sourceY = Math.clamp((y + 0.5) * scaleY - 0.5, 0, cropHeight - 1);
            int y0 = (int) sourceY;
            int y1 = Math.min(y0 + 1, cropHeight - 1);
            double fy = sourceY - y0;
            for (int x = 0; x < scaled; x++) {
                double sourceX = Math.clamp((x + 0.5) * scaleX - 0.5, 0, cropWidth - 1);
                int x0 = (int) sourceX;
                int x1 = Math.min(x0 + 1, cropWidth - 1);
                double fx = sourceX - x0;
                int a = rgb[y0 * cropWidth + x0];
                int b = rgb[y0 * cropWidth + x1];
                int c = rgb[y1 * cropWidth + x0];
                int d = rgb[y1 * cropWidth + x1];
                int at = y * width + x;
                for (int channel = 0; channel < 3; channel++) {
                    int shift = channel * 8; // blue, green, red
                    double value = ((a >> shift) & 255) * (1 - fx) * (1 - fy)
                            + ((b >> shift) & 255) * fx * (1 - fy)
                            + ((c >> shift) & 255) * (1 - fx) * fy
                            + ((d >> shift) & 255) * fx * fy;
                    pixels[channel * plane + at] = (float) (value / 127.5 - 1.0);
                }
            }
        }
        return pixels;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("the line recogniser cannot be closed", e);
        }
    }
}
